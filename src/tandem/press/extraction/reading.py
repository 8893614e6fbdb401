"""Articles from files: plain text, HTML, PDF and DOCX, read offline and safely (pure).

HTML is parsed by lxml with no network access and no entity resolution; scripts, styles and
comments are dropped. Every format is read within the limits of
``tandem.core.files.document_safety``: a DOCX's unpacked size, a PDF's decompressed streams
and pages, HTML's elements, and for all the text produced and the time spent. The text keeps
one paragraph a line; a date in the HTML's metadata (``<meta name="date">``,
``article:published_time``, ``<time datetime>``) is returned beside it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tandem.core.files.document_safety import (
    MAX_HTML_ELEMENTS,
    MAX_PDF_PAGES,
    MAX_UNZIPPED_BYTES,
    DocumentRefusedError,
    ReadingBudget,
    check_zip_archive,
    pdf_limits,
)
from tandem.core.text.scripts import HAN_RANGE, KANA_RANGE

KINDS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
MAX_BYTES = 5 * 1024 * 1024


class ArticleError(ValueError):
    """The file is not an article tandem can read."""


@dataclass
class Article:
    text: str
    kind: str
    published: dt.date | None = None


def kind_of(name: str, content: bytes) -> str:
    """The file's kind, by its content first (a PDF is a PDF whatever its name)."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return "docx"
    suffix = Path(name).suffix.lower()
    if suffix in (".pdf", ".docx"):
        raise ArticleError(f"{name}: the content is not a {suffix[1:]} file")
    head = content[:2000].lower()
    if b"<html" in head or b"<!doctype html" in head or suffix in (".html", ".htm"):
        return "html"
    return "txt"


def read_article(path: str | Path) -> Article:
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise ArticleError(f"{path.name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(content: bytes, name: str = "article.txt") -> Article:
    """The article in ``content``; ArticleError (one sentence) when it cannot or may not be
    read, a document over the expansion, text or time limits included."""
    try:
        return _read_bytes(content, name)
    except DocumentRefusedError as error:
        raise ArticleError(f"{name}: {error}") from error


def _read_bytes(content: bytes, name: str) -> Article:
    if len(content) > MAX_BYTES:
        raise ArticleError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    kind = kind_of(name, content)
    if kind == "pdf":
        return Article(_pdf(content), kind)
    if kind == "docx":
        return Article(_docx(content), kind)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name}: not UTF-8 text") from error
    if kind == "html":
        return _html(content)
    return Article(text, kind)


def _html(content: bytes) -> Article:
    from lxml import etree, html

    parser = html.HTMLParser(
        encoding="utf-8", remove_comments=True, no_network=True, remove_blank_text=True
    )
    budget = ReadingBudget("HTML page")
    try:
        root: Any = html.document_fromstring(content, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ArticleError("not readable HTML") from error
    for count, _element in enumerate(root.iter(), start=1):
        if count > MAX_HTML_ELEMENTS:
            raise DocumentRefusedError(
                f"The HTML page has more than {MAX_HTML_ELEMENTS:,} elements: refused."
            )
    for bad in root.xpath("//script|//style|//noscript|//template|//iframe|//object"):
        bad.drop_tree()
    published = None
    for value in root.xpath(
        "//meta[@name='date' or @property='article:published_time' or @name='pubdate']/@content"
        "|//time/@datetime"
    ):
        if m := re.match(r"\d{4}-\d{2}-\d{2}", str(value)):
            published = dt.date.fromisoformat(m.group(0))
            break
    lines = []
    headings = root.xpath("//h1")
    title = root.xpath("//title")
    headline = headings[0] if headings else title[0] if title else None
    if headline is not None:
        lines.append(" ".join(headline.text_content().split()))
    for block in root.xpath("//body//p|//body//h2|//body//h3|//body//li"):
        line = " ".join(block.text_content().split())
        budget.spend(line)
        if line:
            lines.append(line)
    return Article("\n".join(lines), "html", published)


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    budget = ReadingBudget("PDF")
    texts = []
    try:
        with pdf_limits():
            reader = PdfReader(io.BytesIO(content))
            if len(reader.pages) > MAX_PDF_PAGES:
                raise DocumentRefusedError(
                    f"The PDF has more than {MAX_PDF_PAGES:,} pages: refused."
                )
            unpacked = 0
            for page in reader.pages:
                contents = page.get_contents()  # decoded here, so that a bomb says so
                unpacked += len(contents.get_data()) if contents is not None else 0
                if unpacked > MAX_UNZIPPED_BYTES:
                    raise DocumentRefusedError(
                        f"The PDF's pages unpack to more than "
                        f"{MAX_UNZIPPED_BYTES // (1024 * 1024)} MB: refused."
                    )
                texts.append(page.extract_text() or "")
                budget.spend(texts[-1])
    except DocumentRefusedError:
        raise
    except LimitReachedError as error:
        raise DocumentRefusedError(
            "The PDF unpacks to far more than its size (a decompression bomb?): refused."
        ) from error
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise ArticleError("not a readable PDF") from error
    return unwrap("\n".join(texts))


def unwrap(raw: str) -> str:
    """Join the lines a PDF wrapped: a headline continues while the next line starts in lower
    case; a paragraph continues until a line ends a sentence."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if not lines:
        return ""
    out = [lines[0]]
    in_headline = True
    for line in lines[1:]:
        previous = out[-1]
        if in_headline:
            if line[:1].islower():
                out[-1] = f"{previous} {line}"
                continue
            in_headline = False
            out.append(line)
            continue
        if re.search(r"[.!?。»”\"]$", previous):
            out.append(line)
        else:
            joiner = "" if re.search(rf"[{KANA_RANGE}{HAN_RANGE}]$", previous) else " "
            out[-1] = f"{previous}{joiner}{line}"
    return "\n".join(out)


def _docx(content: bytes) -> str:
    import zipfile

    import docx

    check_zip_archive(content, required_part="word/document.xml", what="DOCX document")
    budget = ReadingBudget("DOCX document")
    try:
        document = docx.Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        raise ArticleError("not a readable DOCX") from error
    lines = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        budget.spend(text)
        if text.strip():
            lines.append(text)
    return "\n".join(lines)
