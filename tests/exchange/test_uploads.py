import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tandem.core.models import User
from tandem.exchange.models import ExchangeFile, KpiIndicator
from tandem.exchange.services.records import file_attach
from tandem.exchange.uploads import validate_upload

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.7\n% evidence\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", PDF),
        ("photo.PNG", PNG),
        ("photo.jpg", JPEG),
        ("photo.jpeg", JPEG),
        ("plan.docx", ooxml("word/document.xml")),
        ("kpi.xlsx", ooxml("xl/workbook.xml")),
    ],
)
def test_upload_of_an_allowed_type_passes(name: str, content: bytes) -> None:
    validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", EXE, "not accepted"),
        ("report.pdf", EXE, "is not a PDF file"),
        ("photo.png", JPEG, "is not a PNG file"),
        ("plan.docx", ooxml("xl/workbook.xml"), "is not a DOCX file"),
        ("kpi.xlsx", b"PK\x03\x04 not really a zip", "is not a XLSX file"),
        ("notes.csv", b"a,b\n1,2\n", "not accepted"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_upload_of_a_wrong_type_is_refused_with_a_clear_message(
    name: str, content: bytes, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content))
    assert message in " ".join(refused.value.messages)
    assert "PDF, DOCX, XLSX, PNG, JPEG" in " ".join(refused.value.messages) or message == "empty"


def test_upload_over_the_size_cap_is_refused(settings: Any) -> None:
    settings.TANDEM_UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match="at most 1 MB"):
        validate_upload(SimpleUploadedFile("big.pdf", PDF + b"0" * 1024 * 1024))


def test_renamed_program_is_refused_on_the_page_and_nothing_is_stored(
    client: Client,
    productivity: KpiIndicator,
    coordinator: User,
    settings: Any,
    tmp_path: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    response = client.post(
        f"/exchange/files/indicator/{productivity.pk}/new/",
        {"title": "Evidence", "kind": "evidence", "file": SimpleUploadedFile("kpi.pdf", EXE)},
    )
    assert response.status_code == 200
    assert "is not a PDF file, whatever its name says" in response.content.decode()
    assert not ExchangeFile.objects.exists()
    assert not any(tmp_path.rglob("*.pdf"))


def test_file_attach_service_checks_the_type_too(
    productivity: KpiIndicator, coordinator: User, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    attachment = ExchangeFile(
        indicator=productivity,
        title="Evidence",
        kind="evidence",
        file=SimpleUploadedFile("evidence.jpg", EXE),
    )
    with pytest.raises(ValidationError, match="JPEG"):
        file_attach(attachment=attachment, actor=coordinator)
    assert not ExchangeFile.objects.exists()
