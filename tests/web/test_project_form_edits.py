"""The project page's form changes what the user changed, and nothing else, in every language.

Each test opens the edit page as a secretariat member reading English, Japanese or Russian,
posts back what the browser would send with one field changed, and compares the whole record
before and after: participants of every role, labels, dates, money, results, notes, history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from full_project import CODE, LANGUAGES, ROLES, make_full_project, make_people, snapshot
from html_form import submitted

from tandem.core.models import Organisation, User
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _default_language_after() -> Iterator[None]:
    """A request in Japanese or Russian leaves its language active in this thread: set the
    default back, so that the next test creates its records as it expects."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def people(default_programme: None) -> dict[str, Organisation]:
    return make_people()


@pytest.fixture
def full_project(people: dict[str, Organisation], secretariat_jp: User) -> JointProject:
    return make_full_project(people, secretariat_jp)


# field → (the values posted instead, the things of the snapshot that change)
EDITS: dict[str, tuple[list[str], set[str]]] = {
    **{
        f"{name}_{lang}": ([f"Edited {name} {lang}"], {f"{name}_{lang}"})
        for name in ("title", "summary")
        for lang in LANGUAGES
    },
    "summary_ru (emptied)": ([""], {"summary_ru"}),
    "places": (["Khabarovsk, Amursk"], {"places"}),
    "status": (["completed"], {"status", "status_date", "status_changes"}),
    "status_date": (["2019-03-15"], {"status_date", "status_changes"}),
    "primary_plan_area": (["P2"], {"plan_areas"}),
    "other_plan_areas": (["P3", "P7"], {"plan_areas"}),
    "national_projects": (["N7", "N12"], {"national_projects"}),
    "national_projects (emptied)": ([], {"national_projects"}),
    "regions": (["RU-KHA", "RU-AMU"], {"regions"}),
    "aspects": (["productivity", "export"], {"aspects"}),
    "planned_start": (["2019-07-01"], {"planned_start"}),
    "planned_end (emptied)": ([""], {"planned_end"}),
    "actual_start": (["2019-08-01"], {"actual_start"}),
    "actual_end": (["2023-03-31"], {"actual_end"}),
    "disclosure": (["public"], {"disclosure"}),
    **{
        f"{role}_{side}": (
            [f"{role.title()} {side.upper()} two"]
            if role == "lead"
            else [f"{role.title()} {side.upper()} one", f"{role.title()} {side.upper()} two"],
            {"participants"},
        )
        for role in ROLES
        for side in ("jp", "ru")
    },
    "funder_ru (emptied)": ([], {"participants"}),
}


def _edit_page(client: Client, user: User, language: str) -> dict[str, list[str]]:
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    response = client.get(f"/projects/{CODE}/edit/")
    assert response.status_code == 200
    return submitted(response.content.decode(), "project-form")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("edit", list(EDITS))
def test_editing_one_field_changes_that_field_and_nothing_else(
    client: Client, full_project: JointProject, secretariat_jp: User, language: str, edit: str
) -> None:
    values, expected = EDITS[edit]
    field = edit.split(" ")[0]
    posted = _edit_page(client, secretariat_jp, language)
    before = snapshot(CODE)
    assert posted[field] != values, "the edit must change the field"
    posted[field] = values
    response = client.post(f"/projects/{CODE}/edit/", posted)
    assert response.status_code == 302, response.context["form"].errors
    after = snapshot(CODE)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == expected
    if field == "status":
        assert after["status_date"] == dt.date.today()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_untouched_form_saves_nothing_and_keeps_everything(
    client: Client, full_project: JointProject, secretariat_jp: User, language: str
) -> None:
    posted = _edit_page(client, secretariat_jp, language)
    before = snapshot(CODE)
    version = JointProject.objects.get(code=CODE).version
    response = client.post(f"/projects/{CODE}/edit/", posted)
    assert response.status_code == 302, response.context["form"].errors
    assert snapshot(CODE) == before
    assert JointProject.objects.get(code=CODE).version == version


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_shows_every_participant_and_iso_dates(
    client: Client, full_project: JointProject, secretariat_jp: User, language: str
) -> None:
    posted = _edit_page(client, secretariat_jp, language)
    for role in ROLES:
        for side in ("jp", "ru"):
            assert posted[f"{role}_{side}"] == [f"{role.title()} {side.upper()} one"]
    assert posted["status_date"] == ["2019-04-01"]
    assert posted["planned_end"] == ["2022-12-31"]


def test_a_new_project_needs_its_primary_plan_area_chosen(
    client: Client, people: dict[str, Organisation], secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    page = client.get("/projects/new/")
    posted = submitted(page.content.decode(), "project-form")
    assert posted.get("primary_plan_area", [""]) == [""], "no plan area is chosen beforehand"
    posted |= {"code": ["JR-2026-0002"], "title_ru": ["Лесопильный завод в Хабаровском крае"]}
    response = client.post("/projects/new/", posted)
    assert response.status_code == 200
    assert "Choose the primary plan area" in response.content.decode()
    assert not JointProject.objects.filter(code="JR-2026-0002").exists()
    posted["primary_plan_area"] = ["P6"]
    assert client.post("/projects/new/", posted).status_code == 302
    links = JointProject.objects.get(code="JR-2026-0002").area_links.all()
    assert [(k.plan_area.code, k.is_primary) for k in links] == [("P6", True)]


def test_a_project_registered_in_the_api_without_plan_areas_is_refused(
    client: Client, default_programme: None, make_user: Callable[..., User]
) -> None:
    from tandem.core.enums import Role

    client.force_login(make_user(Role.SECRETARIAT, "RU"))
    body: dict[str, object] = {"code": "JR-2026-0003", "title_ru": "Лесопильный завод"}
    response = client.post("/api/v1/projects", body, content_type="application/json")
    assert response.status_code == 422
    assert not JointProject.objects.filter(code="JR-2026-0003").exists()
    body["plan_areas"] = ["P6"]
    assert client.post("/api/v1/projects", body, content_type="application/json").status_code == 201
    links = JointProject.objects.get(code="JR-2026-0003").area_links.all()
    assert [(k.plan_area.code, k.is_primary) for k in links] == [("P6", True)]
