"""The open-data portal: /open/projects/ (one URL per query as a page, five file formats and a
widget), the permanent project pages, the committee's public decisions, the dumps."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from defusedxml import ElementTree  # type: ignore[import-untyped]
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from lxml import etree
from open_world import MARKER, TRANSLATED, OpenWorld
from openpyxl import load_workbook

from tandem.core.actors import command_actor
from tandem.interop.iati.schemas import ACTIVITIES_XSD, schema_dir
from tandem.interop.open_dumps import KEEP_DAYS, open_dump_create, open_dumps
from tandem.projects.models import JointProject

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
ATOM = "{http://www.w3.org/2005/Atom}"


def body(response: object) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response.content  # type: ignore[attr-defined]


def test_the_list_shows_the_public_projects_of_the_filter(
    client: Client, open_world: OpenWorld
) -> None:
    public = JointProject.objects.filter(disclosure="public").count()
    html = client.get("/open/projects/").content.decode()
    assert f"{public} public projects match." in html
    assert TRANSLATED in html
    # free text in one language finds the project by its text in another (the registry's search)
    assert TRANSLATED in client.get("/open/projects/", {"q": "Восточный"}).content.decode()
    assert TRANSLATED not in client.get("/open/projects/", {"year": "2020"}).content.decode()
    assert TRANSLATED in client.get("/open/projects/", {"year": "2025"}).content.decode()


def test_a_bad_filter_or_format_is_refused(client: Client, open_world: OpenWorld) -> None:
    assert client.get("/open/projects/", {"status": "nonsense"}).status_code == 400
    assert client.get("/open/projects/", {"format": "pdf"}).status_code == 400


def test_the_csv_is_labelled_and_holds_every_public_project(
    client: Client, open_world: OpenWorld
) -> None:
    response = client.get("/open/projects/", {"plan_area": "P5", "format": "csv"})
    assert response.status_code == 200
    assert response.streaming
    text = body(response).decode("utf-8-sig")
    label = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Plan area" in line for line in label)
    assert any("Licence: CC BY 4.0" in line for line in label)
    assert any("Made (UTC)" in line for line in label)
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    expected = JointProject.objects.filter(disclosure="public", plan_areas__code="P5").count()
    assert len(rows) == expected
    assert {row["disclosure"] for row in rows} == {"public"}


def test_the_xlsx_and_json_are_labelled(client: Client, open_world: OpenWorld) -> None:
    workbook = load_workbook(io.BytesIO(body(client.get("/open/projects/", {"format": "xlsx"}))))
    assert workbook.sheetnames[0] == "about"
    about = {row[0]: row[1] for row in workbook["about"].iter_rows(values_only=True)}
    assert about["Licence"].startswith("CC BY 4.0")
    data = json.loads(
        body(client.get("/open/projects/", {"status": "under_implementation", "format": "json"}))
    )
    assert data["about"]["licence"] == "CC BY 4.0"
    assert "under_implementation" in data["about"]["query"]
    assert {p["status"] for p in data["projects"]} == {"under_implementation"}
    assert TRANSLATED in {p["code"] for p in data["projects"]}


def test_the_atom_feed_parses_and_lists_changed_projects(
    client: Client, open_world: OpenWorld
) -> None:
    response = client.get("/open/projects/", {"q": "Vostochny", "format": "atom"})
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(body(response))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[-1] for e in entries] == [
        TRANSLATED
    ]
    assert "CC BY 4.0" in feed.find(f"{ATOM}rights").text


def test_the_iati_selection_validates_against_the_2_03_schema(
    client: Client, open_world: OpenWorld
) -> None:
    xml = body(client.get("/open/projects/", {"plan_area": "P5", "format": "iati"}))
    assert b"Licence: CC BY 4.0" in xml.split(b"<iati-activities", 1)[0]
    schema = etree.XMLSchema(etree.parse(str(schema_dir() / ACTIVITIES_XSD)))
    document = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    assert schema.validate(document), schema.error_log
    assert f"-{TRANSLATED}<".encode() in xml


def test_the_widget_may_be_framed_and_the_page_may_not(
    client: Client, open_world: OpenWorld
) -> None:
    widget = client.get("/open/projects/embed/", {"status": "under_implementation"})
    assert widget.status_code == 200
    assert "frame-ancestors *" in widget["Content-Security-Policy"]
    assert "X-Frame-Options" not in widget
    assert TRANSLATED in widget.content.decode()
    page = client.get("/open/projects/")
    assert page["X-Frame-Options"] == "DENY"
    assert "/open/projects/embed/" in page.content.decode()


def test_the_language_switch_is_remembered_and_cached_apart(
    client: Client, open_world: OpenWorld
) -> None:
    english = client.get("/open/projects/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="en">' in english.content.decode()
    russian = client.get("/open/projects/", {"lang": "ru"})
    assert '<html lang="ru">' in russian.content.decode()
    assert russian.cookies["tandem_language"].value == "ru"
    assert '<html lang="ru">' in client.get("/open/projects/").content.decode()
    assert (
        '<html lang="ja">'
        in Client().get("/open/projects/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    )


def test_pages_are_cached_until_the_registry_changes(client: Client, open_world: OpenWorld) -> None:
    from tandem.core.actors import DEMO_ACTOR
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.projects import project_update

    assert client.get("/open/projects/")["X-Tandem-Cache"] == "miss"
    assert client.get("/open/projects/")["X-Tandem-Cache"] == "hit"
    project = JointProject.objects.get(code=TRANSLATED)
    project_update(
        project=project,
        data=ProjectIn(code=TRANSLATED, title_en="Vostochny port: renamed"),
        expected_version=project.version,
        actor=DEMO_ACTOR,
    )
    fresh = client.get("/open/projects/", {"q": "Vostochny"})
    assert fresh["X-Tandem-Cache"] == "miss"
    assert "renamed" in fresh.content.decode()


def test_the_page_marks_the_original_and_each_translation(
    client: Client, open_world: OpenWorld
) -> None:
    html = client.get(f"/open/projects/{TRANSLATED}/", {"lang": "ja"}).content.decode()
    # No Japanese text: the Russian original is shown and said to be so.
    assert "Порт Восточный" in html
    english = client.get(f"/open/projects/{TRANSLATED}/", {"lang": "en"}).content.decode()
    assert "Vostochny port: a digital terminal" in english
    assert "Original language: Russian." in english
    assert "translated by a person" in english
    assert "entered with the record" in english
    assert "no translation" in english
    assert "Status history" in english and "Change log" in english


def test_a_hidden_project_is_404(client: Client, open_world: OpenWorld) -> None:
    for code in open_world.hidden_codes:
        assert client.get(f"/open/projects/{code}/").status_code == 404
    assert client.get("/open/projects/JR-1999-0000/").status_code == 404


def test_the_project_as_of_a_session(client: Client, open_world: OpenWorld) -> None:
    html = client.get(
        f"/open/projects/{TRANSLATED}/", {"as_of": "15", "lang": "en"}
    ).content.decode()
    assert "As it stood at a session" in html
    assert "not in the registry yet at that session" in html


def test_public_decisions_about_it_are_listed(client: Client, open_world: OpenWorld) -> None:
    decision = open_world.public_decision
    html = client.get(f"/open/projects/{TRANSLATED}/", {"lang": "en"}).content.decode()
    assert f"Decision {decision.session.number}/{decision.number}" in html


def test_public_decisions_show_three_texts_and_the_authentic_mark(
    client: Client, open_world: OpenWorld
) -> None:
    decision = open_world.public_decision
    html = client.get("/open/committee/", {"lang": "en"}).content.decode()
    assert f'id="decision-{decision.session.number}-{decision.number}"' in html
    assert "(authentic)" in html
    for language in ("ja", "ru", "en"):
        if decision.text_in(language):
            assert escape(decision.text_in(language).splitlines()[0]) in html


def test_the_decisions_feed_parses(client: Client, open_world: OpenWorld) -> None:
    response = client.get("/open/committee/", {"format": "atom"})
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findall(f"{ATOM}entry")


@pytest.fixture
def dump_dir(settings: object, tmp_path: Path) -> Path:
    settings.TANDEM_OPEN_DUMP_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path


def test_a_dump_holds_every_public_project_with_its_hash(
    client: Client, open_world: OpenWorld, dump_dir: Path
) -> None:
    dump = open_dump_create(actor=command_actor("test"))
    public = JointProject.objects.filter(disclosure="public").count()
    files = {f.name: f for f in dump.files}
    assert files["projects.csv"].rows == public
    assert files["projects.json"].rows == public
    assert 0 < files["iati-activities.xml"].rows <= public
    for entry in dump.files:
        data = (dump_dir / dump.day / entry.name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry.sha256
        assert MARKER.encode() not in data
    html = client.get("/open/downloads/").content.decode()
    assert files["projects.csv"].sha256 in html
    assert "Latest full dump made" in html
    download = client.get(f"/open/downloads/{dump.day}/projects.csv")
    assert download.status_code == 200
    body = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert hashlib.sha256(body).hexdigest() == files["projects.csv"].sha256


def test_old_and_unfinished_dumps_are_not_listed(open_world: OpenWorld, dump_dir: Path) -> None:
    old = timezone.now() - dt.timedelta(days=KEEP_DAYS + 5)
    open_dump_create(actor=command_actor("test"), now=old)
    (dump_dir / "2099-01-01").mkdir()  # a dump being written: no manifest yet
    open_dump_create(actor=command_actor("test"))
    days = [dump.day for dump in open_dumps()]
    assert days == [timezone.now().date().isoformat()]
    assert not (dump_dir / old.date().isoformat()).exists()


def test_only_dump_files_are_served(client: Client, open_world: OpenWorld, dump_dir: Path) -> None:
    day = open_dump_create(actor=command_actor("test")).day
    assert client.get(f"/open/downloads/{day}/manifest.json").status_code == 404
    assert client.get("/open/downloads/..%2F..%2Fetc/passwd").status_code == 404
    assert client.get("/open/downloads/2019-01-01/projects.csv").status_code == 404


def test_the_about_page_states_the_licence(client: Client, open_world: OpenWorld) -> None:
    html = client.get("/open/about/", {"lang": "en"}).content.decode()
    assert "CC BY 4.0" in html
    assert "illustrative" in html


def test_the_portal_root_leads_to_the_published_projects_with_the_query_kept(
    client: Client,
) -> None:
    response = client.get("/open/?q=port&format=csv")
    assert response.status_code == 302
    assert response["Location"] == "/open/projects/?q=port&format=csv"
    assert client.get("/open/")["Location"] == "/open/projects/"
