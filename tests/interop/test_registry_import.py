from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tandem.core.models import Country, Organisation, User
from tandem.interop.registry_import import ImportRejectedError, commit, plan_table
from tandem.interop.tabular.read import UnreadableFileError, read_table
from tandem.programme.models import Programme
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = sorted((DATA / "bad" / "registry").iterdir())
LIMITS = {"max_bytes": 20 * 1024 * 1024, "max_rows": 20_000}


@pytest.fixture
def partners(default_programme: None) -> None:
    Organisation.objects.create(
        name="Hokuto Precision", kind="company", side=Country.objects.get(code="JP")
    )
    Organisation.objects.create(
        name="Uralmash Machine Works",
        name_ru="Уралмаш Машзавод",
        kind="enterprise",
        side=Country.objects.get(code="RU"),
    )


def plan_file(path: Path, user: User):  # type: ignore[no-untyped-def]
    table = read_table(path.read_bytes(), path.name, **LIMITS)
    return plan_table(table, user, Programme.objects.get(), path.name)


@pytest.mark.parametrize("path", BAD, ids=[path.name for path in BAD])
def test_every_bad_file_is_refused_with_a_message_and_writes_nothing(
    path: Path, partners: None, secretariat_jp: User
) -> None:
    before = JointProject.objects.count()
    try:
        plan = plan_file(path, secretariat_jp)
    except UnreadableFileError as error:
        assert str(error).endswith(".")
        assert len(str(error).splitlines()) == 1
    else:
        assert not plan.can_commit
        messages = plan.file_problems + [m for o in plan.outcomes for m in o.messages]
        assert messages, "a refused file must say why"
        with pytest.raises(ImportRejectedError):
            commit(plan, secretariat_jp, Programme.objects.get())
    assert JointProject.objects.count() == before


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wrong-columns.csv", "Unknown columns: titel"),
        ("duplicate-codes.csv", "also appears on line 2"),
        ("bad-date.csv", "status_date"),
        ("formula-payload.csv", "looks like a spreadsheet formula"),
        ("unknown-plan-area.csv", "Unknown plan areas: P9."),
        ("unknown-organisation.csv", "Unknown organisation: Nobody Inc."),
        ("no-title-new.csv", "needs a title"),
    ],
)
def test_refusals_say_what_is_wrong(
    name: str, expected: str, partners: None, secretariat_jp: User
) -> None:
    plan = plan_file(DATA / "bad" / "registry" / name, secretariat_jp)
    text = " ".join(plan.file_problems + [m for o in plan.outcomes for m in o.messages])
    assert expected in text


def test_the_zip_bomb_is_refused_before_it_is_unpacked(secretariat_jp: User) -> None:
    with pytest.raises(UnreadableFileError, match="zip bomb"):
        read_table((DATA / "bad" / "registry" / "zip-bomb.xlsx").read_bytes(), "x.xlsx", **LIMITS)


def test_an_oversized_file_is_refused(secretariat_jp: User) -> None:
    with pytest.raises(UnreadableFileError, match="limit is 1 MB"):
        read_table(
            b"code\n" + b"JR-2020-0001\n" * 100_000, "big.csv", max_bytes=1_048_576, max_rows=10
        )


def test_too_many_rows_are_refused() -> None:
    with pytest.raises(UnreadableFileError, match="more than 3 rows"):
        read_table(b"code\n" + b"JR-2020-0001\n" * 5, "rows.csv", max_bytes=10_000, max_rows=3)


@pytest.mark.parametrize(
    ("name", "encoding", "title"),
    [
        ("good-cp932.csv", "CP932", "札幌の病院"),
        ("good-cp1251.csv", "CP1251", "Больница в Томске"),
    ],
)
def test_japanese_and_russian_windows_encodings_are_read(
    name: str, encoding: str, title: str, partners: None, secretariat_jp: User
) -> None:
    table = read_table((DATA / "registry" / name).read_bytes(), name, **LIMITS)
    assert table.encoding == encoding
    plan = plan_table(table, secretariat_jp, Programme.objects.get(), name)
    assert plan.can_commit
    commit(plan, secretariat_jp, Programme.objects.get())
    assert title in {p.title_ja or p.title_ru for p in JointProject.objects.all()}


def test_upload_preview_then_commit_creates_and_a_second_run_changes_nothing(
    client: Client, partners: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    content = (DATA / "registry" / "good.csv").read_bytes()
    preview = client.post("/projects/import/", {"file": SimpleUploadedFile("good.csv", content)})
    assert "2 to create, 0 to change, 0 unchanged, 0 rejected." in preview.content.decode()
    assert not JointProject.objects.exists()
    token = client.session["tandem_import"]["token"]
    done = client.post("/projects/import/commit/", {"token": token})
    assert done.status_code == 302
    assert JointProject.objects.count() == 2
    project = JointProject.objects.get(code="JR-2021-0001")
    assert [link.plan_area.code for link in project.area_links.all()] == ["P5", "P3"]
    again = client.post("/projects/import/", {"file": SimpleUploadedFile("good.csv", content)})
    assert "0 to create, 0 to change, 2 unchanged, 0 rejected." in again.content.decode()


def test_blank_cells_never_overwrite(partners: None, secretariat_jp: User) -> None:
    programme = Programme.objects.get()
    good = read_table((DATA / "registry" / "good.csv").read_bytes(), "good.csv", **LIMITS)
    commit(plan_table(good, secretariat_jp, programme, "good.csv"), secretariat_jp, programme)
    update = read_table(
        b"code,title_en,title_ja\nJR-2021-0001,Lean production in Kazan (phase 2),\n",
        "u.csv",
        **LIMITS,
    )
    plan = plan_table(update, secretariat_jp, programme, "u.csv")
    assert [o.action for o in plan.outcomes] == ["change"]
    commit(plan, secretariat_jp, programme)
    project = JointProject.objects.get(code="JR-2021-0001")
    assert project.title_en == "Lean production in Kazan (phase 2)"
    assert project.title_ja == "カザンのリーン生産"


def test_export_then_import_round_trips_as_unchanged(
    client: Client, partners: None, secretariat_jp: User, make_user: Callable[..., User]
) -> None:
    programme = Programme.objects.get()
    good = read_table((DATA / "registry" / "good.csv").read_bytes(), "good.csv", **LIMITS)
    commit(plan_table(good, secretariat_jp, programme, "good.csv"), secretariat_jp, programme)
    client.force_login(secretariat_jp)
    for file_format in ("csv", "xlsx"):
        response = client.get(f"/projects/export.{file_format}")
        raw = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if file_format == "csv"
            else response.content
        )
        table = read_table(raw, f"export.{file_format}", **LIMITS)
        plan = plan_table(table, secretariat_jp, programme, "export")
        assert [o.action for o in plan.outcomes] == ["unchanged", "unchanged"], plan.outcomes


def test_a_change_between_preview_and_commit_stops_the_import(
    client: Client, partners: None, secretariat_jp: User
) -> None:
    programme = Programme.objects.get()
    good = read_table((DATA / "registry" / "good.csv").read_bytes(), "good.csv", **LIMITS)
    commit(plan_table(good, secretariat_jp, programme, "good.csv"), secretariat_jp, programme)
    update = read_table(
        b"code,places\nJR-2021-0001,Kazan\nJR-2021-0002,Khabarovsk\n", "u.csv", **LIMITS
    )
    plan = plan_table(update, secretariat_jp, programme, "u.csv")
    JointProject.objects.filter(code="JR-2021-0002").update(version=99)
    with pytest.raises(ImportRejectedError, match="changed since the preview"):
        commit(plan, secretariat_jp, programme)
    assert JointProject.objects.get(code="JR-2021-0001").places == ""
