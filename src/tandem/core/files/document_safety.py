"""Limits on reading an uploaded document (no Django): how far it may expand and how long it
may take, whatever its format.

A file under the upload cap can still unpack to far more: a DOCX (or XLSX) is a zip archive,
a PDF holds compressed streams, HTML can nest without end. Every reader of an upload checks,
before it parses, what it can (an archive's declared sizes and packing ratio, DTDs in its XML
parts), and while it parses, a :class:`ReadingBudget`: the text produced and the time spent.
``xlsx_safety`` applies the same archive limits to workbooks. Each refusal is one sentence,
raised as :class:`DocumentRefusedError` for the caller to turn into a clear 4xx.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

MAX_UNZIPPED_BYTES = 50 * 1024 * 1024  # a document's parts, unpacked
MAX_ZIP_RATIO = 100
MAX_PDF_STREAM_BYTES = 20 * 1024 * 1024  # one decompressed PDF stream
MAX_PDF_PAGES = 1000
MAX_TEXT_CHARS = 2_000_000  # the text a document may yield (about 500 pages)
MAX_HTML_ELEMENTS = 200_000
MAX_SECONDS = 20.0
DOCTYPE_WINDOW = 4096


class DocumentRefusedError(ValueError):
    """The document is refused; the message says why in one sentence."""


def check_zip_archive(
    raw: bytes,
    *,
    required_part: str,
    what: str,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    max_ratio: float = MAX_ZIP_RATIO,
) -> None:
    """Refuse ``raw`` unless it is a zip archive holding ``required_part`` whose unpacked size
    and packing ratio stay within the limits and whose XML parts declare no DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentRefusedError(
            f"The file is not a valid {what} (it may be truncated)."
        ) from exc
    with archive:
        members = archive.infolist()
        total = sum(info.file_size for info in members)
        packed = sum(info.compress_size for info in members) or 1
        if total > max_unzipped_bytes or total / packed > max_ratio:
            raise DocumentRefusedError(
                f"The {what} unpacks to {total // (1024 * 1024)} MB, far more than its size "
                f"(a zip bomb?); the limit is {max_unzipped_bytes // (1024 * 1024)} MB: refused."
            )
        if required_part not in archive.namelist():
            raise DocumentRefusedError(f"The file is a zip archive but not a {what}.")
        for info in members:
            if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info, what):
                raise DocumentRefusedError(
                    f"The {what} declares a DTD (an XML entity attack?): refused."
                )


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> bool:
    try:
        with archive.open(info) as member:
            head = member.read(DOCTYPE_WINDOW)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise DocumentRefusedError(
            f"The file is not a valid {what} (it may be truncated)."
        ) from exc
    return b"<!DOCTYPE" in head.upper().replace(b"\x00", b"")


@dataclass
class ReadingBudget:
    """What reading one document may cost: characters of text and seconds. ``spend`` after
    each unit read (a page, a paragraph) refuses the document once either runs out."""

    what: str
    max_chars: int = MAX_TEXT_CHARS
    max_seconds: float = MAX_SECONDS
    chars: int = 0
    started: float = field(default_factory=time.monotonic)

    def spend(self, text: str = "") -> None:
        self.chars += len(text)
        if self.chars > self.max_chars:
            raise DocumentRefusedError(
                f"The {self.what} holds more than {self.max_chars:,} characters of text: refused."
            )
        if time.monotonic() - self.started > self.max_seconds:
            raise DocumentRefusedError(
                f"Reading the {self.what} took longer than {self.max_seconds:.0f} seconds: refused."
            )


@contextmanager
def pdf_limits(max_stream_bytes: int = MAX_PDF_STREAM_BYTES) -> Iterator[None]:
    """pypdf's decompression limits, lowered to a document's size, while reading one PDF."""
    from pypdf import apply_configuration

    with apply_configuration(
        zlib_maximum_output_length=max_stream_bytes,
        lzw_maximum_output_length=max_stream_bytes,
        run_length_maximum_output_length=max_stream_bytes,
        array_based_stream_maximum_output_length=max_stream_bytes,
        maximum_declared_stream_length=max_stream_bytes,
        stream_decoding_work_maximum_length=4 * max_stream_bytes,
    ):
        yield
