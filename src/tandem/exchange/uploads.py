"""What the exchange accepts as an evidence, report or certificate file.

A file passes when its extension is on the allow-list, its content is what the extension
says (sniffed from the first bytes, and for DOCX/XLSX from the package's parts), and it is
within the size cap. A program renamed to ``report.pdf`` is refused.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Extension -> the kind of content it must hold.
ALLOWED_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
}
# The part every OOXML package of this kind contains.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
ALLOWED_LABEL = "PDF, DOCX, XLSX, PNG, JPEG"


def max_upload_bytes() -> int:
    return int(getattr(settings, "TANDEM_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _ooxml_kind(stream: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(stream) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for kind, part in OOXML_PARTS.items() if part in names), None)


def sniff(stream: IO[bytes]) -> str | None:
    """The kind of content in ``stream`` (pdf, docx, xlsx, png, jpeg) or None; rewinds it."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    kind: str | None = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"PK\x03\x04"):
        kind = _ooxml_kind(stream)
    stream.seek(0)
    return kind


def validate_upload(upload: Any) -> None:
    """Refuse a file of the wrong type or size with a message that says what is accepted."""
    name = str(getattr(upload, "name", "") or "")
    extension = PurePath(name).suffix.lower()
    expected = ALLOWED_EXTENSIONS.get(extension)
    if expected is None:
        raise ValidationError(
            _("Files of this type are not accepted. Upload one of: %(types)s.")
            % {"types": ALLOWED_LABEL},
            code="file_type",
        )
    size = int(getattr(upload, "size", 0) or 0)
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; a file may be at most %(limit)d MB.")
            % {"size": size / 1024 / 1024, "limit": limit // (1024 * 1024)},
            code="file_size",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    stream = getattr(upload, "file", upload)
    try:
        found = sniff(stream)
    except (OSError, ValueError):
        found = None
    if found != expected:
        raise ValidationError(
            _(
                "The content of “%(name)s” is not a %(kind)s file, whatever its name says. "
                "Upload one of: %(types)s."
            )
            % {"name": PurePath(name).name, "kind": expected.upper(), "types": ALLOWED_LABEL},
            code="file_content",
        )
