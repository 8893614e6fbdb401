from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import Country, User
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import ConfidentialNote, JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration


@pytest.fixture
def demo_registry(default_programme: None) -> None:
    demo_data_create(seed=1, organisations=40, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=1, count=220, actor=DEMO_ACTOR)


def test_the_public_sees_only_public_projects(client: Client, demo_registry: None) -> None:
    html = client.get("/projects/").content.decode()
    public = JointProject.objects.filter(disclosure="public").count()
    assert f"{public} projects match." in html
    hidden = JointProject.objects.exclude(disclosure="public").first()
    assert hidden is not None
    assert client.get(f"/projects/{hidden.code}/").status_code == 404


def test_a_side_confidential_project_is_404_for_the_other_side(
    client: Client, demo_registry: None, make_user: Callable[..., User]
) -> None:
    project = JointProject.objects.filter(disclosure="side_confidential").first()
    assert project is not None
    own_side = project.confidential_side.code  # type: ignore[union-attr]
    other_side = "RU" if own_side == "JP" else "JP"
    client.force_login(make_user(Role.OFFICIAL, other_side))
    assert client.get(f"/projects/{project.code}/").status_code == 404
    assert client.get("/projects/", {"q": project.code}).context["total"] == 0
    client.force_login(make_user(Role.OFFICIAL, own_side, username="own"))
    assert client.get(f"/projects/{project.code}/").status_code == 200


def test_confidential_notes_reach_only_their_side(
    client: Client, demo_registry: None, make_user: Callable[..., User]
) -> None:
    project = JointProject.objects.filter(disclosure="internal").first()
    assert project is not None
    ConfidentialNote.objects.create(
        project=project, side=Country.objects.get(code="JP"), text="JP-ONLY-NOTE"
    )
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    assert "JP-ONLY-NOTE" in client.get(f"/projects/{project.code}/").content.decode()
    for role, side in ((Role.SECRETARIAT, "RU"), (Role.AUDITOR, None), (Role.AGENCY_STAFF, None)):
        client.force_login(make_user(role, side, username=f"{role}-{side}"))
        assert "JP-ONLY-NOTE" not in client.get(f"/projects/{project.code}/").content.decode()
        export = b"".join(client.get("/projects/export.csv").streaming_content)  # type: ignore[union-attr]
        assert b"JP-ONLY-NOTE" not in export


def test_filters_search_and_keyset_pages(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    first = client.get("/projects/", {"plan_area": "P6"})
    assert first.status_code == 200
    page = first.context["page"]
    assert len(page.rows) == 50
    assert page.next_cursor
    second = client.get("/projects/", {"plan_area": "P6", "after": page.next_cursor})
    first_codes = [p.code for p in page.rows]
    second_codes = [p.code for p in second.context["page"].rows]
    assert second_codes
    assert max(first_codes) < min(second_codes)
    assert all("P6" in [area.code for area in p.areas] for p in second.context["page"].rows)
    found = client.get("/projects/", {"q": "ウラジオストク"}).content.decode()
    assert "Vladivostok" in found
    assert "No joint project matches" in client.get("/projects/", {"q": "zzzz"}).content.decode()


def test_list_query_count_does_not_depend_on_page_size(
    demo_registry: None, secretariat_jp: User
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tandem.projects.selectors.registry import ProjectFilters, registry_page

    counts = []
    for size in (5, 50, 200):
        with CaptureQueriesContext(connection) as captured:
            page = registry_page(secretariat_jp, ProjectFilters(), size=size)
            for project in page.rows:
                list(project.area_links.all())
                list(project.leads)  # type: ignore[attr-defined]
        counts.append(len(captured))
    assert len(set(counts)) == 1


def test_list_page_rows_take_the_same_queries_whatever_the_page_size(
    demo_registry: None, secretariat_jp: User
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tandem.projects.selectors.registry import ProjectFilters
    from tandem.projects.selectors.registry_rows import registry_rows

    counts = []
    for size in (5, 50, 200):
        with CaptureQueriesContext(connection) as captured:
            page = registry_rows(secretariat_jp, ProjectFilters(), size=size)
        assert len(page.rows) == size
        assert all(row.areas and row.title for row in page.rows)
        counts.append(len(captured))
    assert len(set(counts)) == 1


def test_list_page_shows_titles_and_plan_areas_in_the_readers_language(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    from django.utils import translation

    from tandem.projects.models import JointProject
    from tandem.projects.selectors.registry import ProjectFilters
    from tandem.projects.selectors.registry_rows import registry_rows

    project = JointProject.objects.order_by("code").first()
    assert project is not None
    JointProject.objects.filter(pk=project.pk).update(title_ja="日本語の題名", title_ru="")
    with translation.override("ja"):
        row = registry_rows(secretariat_jp, ProjectFilters(codes=(project.code,))).rows[0]
        assert row.title == "日本語の題名"
        assert row.areas[0].name == project.area_links.first().plan_area.name_ja  # type: ignore[union-attr]
    with translation.override("ru"):  # no Russian title: the English one, as everywhere else
        row = registry_rows(secretariat_jp, ProjectFilters(codes=(project.code,))).rows[0]
        assert row.title == project.title_en


def test_a_stale_edit_is_refused_with_a_clear_message(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    project = JointProject.objects.filter(disclosure="public").first()
    assert project is not None
    client.force_login(secretariat_jp)
    form = client.get(f"/projects/{project.code}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, [])}
    data["title_en"] = "Someone else's change"
    first = client.post(f"/projects/{project.code}/edit/", data)
    assert first.status_code == 302, first.context["form"].errors
    data["title_en"] = "My late change"
    response = client.post(f"/projects/{project.code}/edit/", data)
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    project.refresh_from_db()
    assert project.title_en == "Someone else's change"


def test_bulk_status_change_records_each_project(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    codes = list(
        JointProject.objects.filter(status="agreed", disclosure="public").values_list(
            "code", flat=True
        )[:3]
    )
    client.force_login(secretariat_jp)
    response = client.post(
        "/projects/bulk-status/",
        {
            "codes": codes,
            "status": "under_implementation",
            "date": "2020-02-01",
            "reason": "review",
        },
    )
    assert response.status_code == 302
    assert set(JointProject.objects.filter(code__in=codes).values_list("status", flat=True)) == {
        "under_implementation"
    }


def test_export_escapes_formula_payloads(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    project = JointProject.objects.filter(disclosure="public").first()
    assert project is not None
    JointProject.objects.filter(pk=project.pk).update(places='=HYPERLINK("http://x")')
    client.force_login(secretariat_jp)
    csv_text = b"".join(client.get("/projects/export.csv").streaming_content).decode("utf-8-sig")  # type: ignore[union-attr]
    assert "'=HYPERLINK" in csv_text
    assert ",=HYPERLINK" not in csv_text


def test_registering_a_project_through_the_form(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    response = client.post(
        "/projects/new/",
        {
            "code": "JR-2020-0999",
            "title_ja": "ハバロフスクの温室",
            "status": "idea",
            "status_date": "2020-01-15",
            "primary_plan_area": "P6",
            "other_plan_areas": ["P4"],
            "disclosure": "internal",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project = JointProject.objects.get(code="JR-2020-0999")
    assert [link.plan_area.code for link in project.area_links.all()] == ["P6", "P4"]


def test_the_form_explains_a_bad_code(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    response = client.post("/projects/new/", {"code": "bad", "status": "idea"})
    assert "A project code looks like JR-2019-0042." in response.content.decode()


def test_people_without_the_right_cannot_register_or_import(
    client: Client, demo_registry: None, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.AUDITOR))
    assert client.get("/projects/new/").status_code == 403
    assert client.get("/projects/import/").status_code == 403
    assert client.get("/projects/").status_code == 200


def test_an_official_keeps_a_note_the_other_side_never_sees(
    client: Client, demo_registry: None, make_user: Callable[..., User]
) -> None:
    project = JointProject.objects.filter(disclosure="public").first()
    assert project is not None
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    response = client.post(f"/projects/{project.code}/notes/", {"text": "RU-SIDE-ONLY"})
    assert response.status_code == 302
    assert "RU-SIDE-ONLY" in client.get(f"/projects/{project.code}/").content.decode()
    for role, side in ((Role.SECRETARIAT, "JP"), (Role.OFFICIAL, "JP"), (Role.AUDITOR, None)):
        client.force_login(make_user(role, side, username=f"reader-{role}-{side}"))
        assert "RU-SIDE-ONLY" not in client.get(f"/projects/{project.code}/").content.decode()
        api = client.get(f"/api/v1/projects/{project.code}").content.decode()
        assert "RU-SIDE-ONLY" not in api
    client.force_login(make_user(Role.AUDITOR, username="auditor-2"))
    assert client.post(f"/projects/{project.code}/notes/", {"text": "x"}).status_code == 403


def test_a_broad_filter_says_more_than_the_cap_instead_of_counting_everything(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    from tandem.projects.selectors.registry import ProjectFilters, count_matches

    assert count_matches(secretariat_jp, ProjectFilters(), cap=100) == 101
    assert count_matches(secretariat_jp, ProjectFilters(plan_area="P8"), cap=100) < 100
    client.force_login(secretariat_jp)
    assert "projects match." in client.get("/projects/").content.decode()
