"""Registry search crosses languages: a record written only in Russian is found by a
Japanese or an English query, and the other way round; matches in the query's own
language come first. Places come through the embedded regions (gazetteer) and
transliteration, organisations and people through their per-language names."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command

from tandem.core.actors import command_actor
from tandem.core.crosslingual.search import SEPARATOR
from tandem.core.models import Country, Organisation, Person, User
from tandem.projects.models import JointProject
from tandem.projects.selectors.registry import ProjectFilters, registry_page
from tandem.projects.selectors.registry_rows import registry_rows
from tandem.projects.services.search_index import projects_search_reindex

pytestmark = pytest.mark.integration


@pytest.fixture
def written_in(make_project: Callable[..., JointProject]) -> Callable[..., JointProject]:
    """A project whose title is in one language only, with no participants."""

    def make(code: str, language: str, title: str, **fields: Any) -> JointProject:
        titles = {f"title_{lang}": "" for lang in ("en", "ja", "ru")}
        titles[f"title_{language}"] = title
        return make_project(code=code, participants=[], **titles, **fields)

    return make


def _codes(user: User, query: str) -> list[str]:
    page = registry_page(user, ProjectFilters(query=query), size=50)
    return [row.code for row in page.rows]


def test_a_place_written_only_in_russian_is_found_in_japanese_and_english(
    written_in: Callable[..., JointProject], secretariat_jp: User
) -> None:
    written_in("JR-2019-0101", "ru", "Морской порт в Хабаровске")
    written_in("JR-2019-0102", "ru", "Рыбоводство на Хоккайдо")
    assert _codes(secretariat_jp, "ハバロフスク") == ["JR-2019-0101"]
    assert _codes(secretariat_jp, "Khabarovsk") == ["JR-2019-0101"]
    assert _codes(secretariat_jp, "北海道") == ["JR-2019-0102"]  # kanji: by the region's names
    assert _codes(secretariat_jp, "Hokkaido") == ["JR-2019-0102"]


def test_a_place_written_only_in_japanese_is_found_in_russian_and_english(
    written_in: Callable[..., JointProject], secretariat_jp: User
) -> None:
    written_in("JR-2019-0103", "ja", "サハリンの港湾整備")
    written_in("JR-2019-0104", "ja", "青森県の農業協力")
    assert _codes(secretariat_jp, "Сахалин") == ["JR-2019-0103"]
    assert _codes(secretariat_jp, "sakhalin") == ["JR-2019-0103"]
    assert _codes(secretariat_jp, "Аомори") == ["JR-2019-0104"]
    assert _codes(secretariat_jp, "Aomori") == ["JR-2019-0104"]


def test_an_organisation_named_in_one_language_is_found_by_its_other_names(
    written_in: Callable[..., JointProject], secretariat_jp: User
) -> None:
    Organisation.objects.create(
        name="Taiga Timber Works",
        name_en="Taiga Timber Works",
        name_ja="タイガ木材工業",
        name_ru="Таёжный лесокомбинат",
        kind="enterprise",
        side=Country.objects.get(code="RU"),
    )
    written_in("JR-2019-0105", "ru", "Сушка древесины: Таёжный лесокомбинат")
    written_in("JR-2019-0106", "en", "Kiln drying at Taiga Timber Works")
    assert _codes(secretariat_jp, "タイガ木材工業") == ["JR-2019-0105", "JR-2019-0106"]
    assert "JR-2019-0106" in _codes(secretariat_jp, "лесокомбинат")


def test_a_person_written_only_in_russian_is_found_in_japanese_and_english(
    written_in: Callable[..., JointProject], secretariat_jp: User
) -> None:
    Person.objects.create(
        name="Ivan Petrov",
        name_en="Ivan Petrov",
        name_ja="イワン・ペトロフ",
        name_ru="Иван Петров",
        side=Country.objects.get(code="RU"),
    )
    written_in("JR-2019-0107", "ru", "Доклад Ивана Петрова о логистике")
    assert _codes(secretariat_jp, "ペトロフ") == ["JR-2019-0107"]  # transliteration
    assert _codes(secretariat_jp, "Petrov") == ["JR-2019-0107"]
    written_in("JR-2019-0108", "en", "Report by Ivan Petrov")
    assert "JR-2019-0108" in _codes(secretariat_jp, "イワン・ペトロフ")  # the person's names


def test_matches_in_the_querys_own_language_come_first_on_every_page(
    written_in: Callable[..., JointProject], secretariat_jp: User
) -> None:
    written_in("JR-2019-0111", "ru", "Порт в Хабаровске")
    written_in("JR-2019-0112", "ja", "ハバロフスクの物流センター")
    written_in("JR-2019-0113", "ru", "Аэропорт Хабаровска")
    written_in("JR-2019-0114", "ja", "ハバロフスク空港")
    assert _codes(secretariat_jp, "ハバロフスク") == [
        "JR-2019-0112",
        "JR-2019-0114",
        "JR-2019-0111",
        "JR-2019-0113",
    ]
    seen: list[str] = []
    after = None
    while True:  # one row a page: the cursor crosses from the exact to the other rows
        page = registry_rows(secretariat_jp, ProjectFilters(query="хабаровск"), after=after, size=1)
        seen += [row.code for row in page.rows]
        if not page.next_cursor:
            break
        after = page.next_cursor
    assert seen == ["JR-2019-0111", "JR-2019-0113", "JR-2019-0112", "JR-2019-0114"]


def test_reindex_rebuilds_keys_of_rows_written_before_them(
    written_in: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = written_in("JR-2019-0121", "ru", "Порт в Хабаровске")
    own = JointProject.objects.get(pk=project.pk).search_text
    JointProject.objects.filter(pk=project.pk).update(search_text=own.split(SEPARATOR)[0])
    assert _codes(secretariat_jp, "ハバロフスク") == []
    assert projects_search_reindex(actor=command_actor("test")) == 1
    assert _codes(secretariat_jp, "ハバロフスク") == ["JR-2019-0121"]
    call_command("reindex_search")
    assert JointProject.objects.get(pk=project.pk).search_text == own
