"""Pages for a project's records: add, change and delete financing lines, milestones, results
and sources from the project's page."""

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.programme.models import Programme
from tandem.projects.enums import Disclosure
from tandem.projects.models import FinancingLine, JointProject, Milestone, ResultIndicator, Source
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create

pytestmark = pytest.mark.integration
CODE = "JR-2021-0303"
PAGE = f"/projects/{CODE}"


@pytest.fixture
def project(default_programme: None, secretariat_jp: User) -> JointProject:
    return project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(
            code=CODE,
            title_en="Cold-chain logistics in Khabarovsk",
            plan_areas=["P6"],
            disclosure=Disclosure.INTERNAL,
        ),
        actor=secretariat_jp,
    )


@pytest.fixture
def editor(client: Client, secretariat_jp: User) -> Client:
    client.force_login(secretariat_jp)
    return client


def _version() -> int:
    return JointProject.objects.get(code=CODE).version


def _in(language: str, client: Client) -> Client:
    client.cookies["tandem_language"] = language
    return client


LOAN = {
    "kind": "loan",
    "line_type": "",
    "amount": "1500000.00",
    "currency": "jpy",
    "date": "2021-06-30",
    "period_end": "",
    "value_date": "",
    "funder": "",
}


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
@pytest.mark.parametrize("kind", ["financing", "milestones", "results", "sources"])
def test_the_add_pages_render_in_each_language(
    editor: Client, project: JointProject, language: str, kind: str
) -> None:
    response = _in(language, editor).get(f"{PAGE}/{kind}/new/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="version" value="{project.version}"' in html
    assert f'lang="{language}"' in html


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_the_project_page_offers_each_kind_to_its_editor(
    editor: Client, project: JointProject, language: str
) -> None:
    html = _in(language, editor).get(f"{PAGE}/").content.decode()
    for kind in ("financing", "milestones", "results", "sources"):
        assert f'href="{PAGE}/{kind}/new/"' in html


def test_a_reader_who_may_not_change_the_project_gets_no_links_and_404(
    client: Client, project: JointProject, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.OFFICIAL, "JP"))
    assert "/financing/new/" not in client.get(f"{PAGE}/").content.decode()
    assert client.get(f"{PAGE}/financing/new/").status_code == 404
    assert client.post(f"{PAGE}/financing/new/", LOAN | {"version": _version()}).status_code == 404
    assert not FinancingLine.objects.exists()


def test_adding_changing_and_deleting_a_financing_line(
    editor: Client, project: JointProject, secretariat_jp: User
) -> None:
    added = editor.post(f"{PAGE}/financing/new/", LOAN | {"version": _version()})
    assert added.status_code == 302, added.context["form"].errors
    assert added["Location"] == f"{PAGE}/#money-heading"
    line = FinancingLine.objects.get()
    assert (line.amount, line.currency) == (Decimal("1500000.00"), "JPY")
    edit_page = _in("ru", editor).get(f"{PAGE}/financing/{line.pk}/edit/").content.decode()
    assert 'value="2021-06-30"' in edit_page  # dates round-trip in Russian too
    changed = editor.post(
        f"{PAGE}/financing/{line.pk}/edit/",
        LOAN | {"amount": "2000000", "is_disbursement": "on", "version": _version()},
    )
    assert changed.status_code == 302
    line.refresh_from_db()
    assert (line.amount, line.is_disbursement) == (Decimal(2000000), True)
    confirm = editor.get(f"{PAGE}/financing/{line.pk}/delete/")
    assert confirm.status_code == 200
    assert (
        "You are about to delete"
        in _in("en", editor).get(f"{PAGE}/financing/{line.pk}/delete/").content.decode()
    )
    assert FinancingLine.objects.exists()  # asking is not deleting
    deleted = editor.post(f"{PAGE}/financing/{line.pk}/delete/", {"version": _version()})
    assert deleted.status_code == 302
    assert not FinancingLine.objects.exists()
    users = set(FinancingLine.history.values_list("history_user", flat=True))  # type: ignore[attr-defined]
    assert users == {secretariat_jp.pk}


def test_a_stale_page_is_refused_with_a_message_and_nothing_is_overwritten(
    editor: Client, project: JointProject
) -> None:
    stale = _version()
    editor.post(f"{PAGE}/sources/new/", {"kind": "document", "title": "Treaty", "version": stale})
    source = Source.objects.get()
    response = _in("en", editor).post(
        f"{PAGE}/sources/{source.pk}/edit/",
        {"kind": "document", "title": "My late title", "version": stale},
    )
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    source.refresh_from_db()
    assert source.title == "Treaty"
    refused = editor.post(f"{PAGE}/sources/{source.pk}/delete/", {"version": stale})
    assert refused.status_code == 200
    assert Source.objects.exists()


def test_a_milestone_without_any_title_is_explained(editor: Client, project: JointProject) -> None:
    response = _in("en", editor).post(
        f"{PAGE}/milestones/new/", {"due_date": "2022-01-31", "version": _version()}
    )
    assert response.status_code == 200
    assert "Give a title in at least one language." in response.content.decode()
    assert not Milestone.objects.exists()


def _values(rows: list[dict[str, str]], initial: int = 0) -> dict[str, str]:
    data = {
        "values-TOTAL_FORMS": str(len(rows)),
        "values-INITIAL_FORMS": str(initial),
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"values-{index}-{name}": value for name, value in row.items()})
    return data


def test_a_result_with_a_baseline_in_words_and_values_per_period(
    editor: Client, project: JointProject
) -> None:
    result = {
        "title_ja": "冷蔵倉庫の稼働率",
        "unit": "%",
        "measure": "percentage",
        "baseline_text": "Not yet assessed",
        "target": "85",
        "version": str(_version()),
    }
    periods = [
        {"period_start": "2022-01-01", "period_end": "2022-12-31", "actual": "61.5"},
        {"period_start": "", "period_end": "", "actual": ""},  # a blank row adds nothing
    ]
    added = editor.post(f"{PAGE}/results/new/", result | _values(periods))
    assert added.status_code == 302, added.context["form"].errors
    indicator = ResultIndicator.objects.get()
    assert (indicator.baseline, indicator.baseline_text) == (None, "Not yet assessed")
    assert [v.actual for v in indicator.values.all()] == [Decimal("61.5")]
    page = _in("ja", editor).get(f"{PAGE}/results/{indicator.pk}/edit/").content.decode()
    value_id = re.search(r'name="values-0-id" value="(\d+)"', page)
    assert value_id is not None
    removed = editor.post(
        f"{PAGE}/results/{indicator.pk}/edit/",
        result
        | {"version": str(_version())}
        | _values([periods[0] | {"id": value_id.group(1), "DELETE": "on"}], initial=1),
    )
    assert removed.status_code == 302, removed.context["form"].errors
    assert not indicator.values.exists()


def test_a_reversed_period_is_explained(editor: Client, project: JointProject) -> None:
    response = _in("en", editor).post(
        f"{PAGE}/results/new/",
        {"title_en": "Output", "version": str(_version())}
        | _values([{"period_start": "2022-12-31", "period_end": "2022-01-01", "actual": "1"}]),
    )
    assert response.status_code == 200
    assert "The period ends before it starts." in response.content.decode()
    assert not ResultIndicator.objects.exists()


def test_records_csv_download_and_upload_through_the_import_page(
    editor: Client, project: JointProject
) -> None:
    editor.post(
        f"{PAGE}/sources/new/", {"kind": "document", "title": "Treaty", "version": _version()}
    )
    download = editor.get("/projects/export-sources.csv")
    assert download.status_code == 200
    text = b"".join(download.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    assert text.splitlines()[0] == "project,id,kind,title,url,date"
    assert f"{CODE},{Source.objects.get().pk},document,Treaty,," in text
    upload = text + f"{CODE},,press_article,Harbour news,,2022-05-01\r\n"
    preview = _in("en", editor).post(
        "/projects/import/",
        {"file": SimpleUploadedFile("sources.csv", upload.encode(), content_type="text/csv")},
    )
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Records of projects" in html and "Harbour news" not in html
    token = editor.session["tandem_import"]["token"]
    done = editor.post("/projects/import/commit/", {"token": token})
    assert done.status_code == 302
    assert sorted(Source.objects.values_list("title", flat=True)) == ["Harbour news", "Treaty"]
