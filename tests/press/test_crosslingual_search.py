"""Press search crosses languages: a place or person named in another language or script."""

import pytest

from tandem.core.models import Country, Person, User
from tandem.press.selectors.articles import search_articles
from tandem.press.services.ingest import article_ingest

pytestmark = pytest.mark.integration


def test_an_article_in_russian_is_found_by_a_japanese_place_or_person_name(
    secretariat: User, default_programme: None
) -> None:
    Person.objects.create(
        name="Ivan Petrov",
        name_en="Ivan Petrov",
        name_ja="イワン・ペトロフ",
        name_ru="Иван Петров",
        side=Country.objects.get(code="RU"),
    )
    article = article_ingest(
        text="Иван Петров открыл новый морской терминал на Хоккайдо.\n\n"
        "Терминал будет принимать суда из Приморья.",
        actor=secretariat,
    ).article
    assert list(search_articles("北海道")) == [article]  # the region's names
    assert list(search_articles("ペトロフ")) == [article]  # a surname of a registered person
    assert list(search_articles("Hokkaido")) == [article]
    assert list(search_articles("名古屋")) == []
