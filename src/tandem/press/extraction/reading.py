"""Articles from files: plain text, HTML, PDF and DOCX, read offline and safely (pure).

HTML is parsed by lxml with no network access and no entity resolution; scripts, styles and
comments are dropped. The text keeps one paragraph a line; a date in the HTML's metadata
(``<meta name="date">``, ``article:published_time``, ``<time datetime>``) is returned beside it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    try:
        root: Any = html.document_fromstring(content, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ArticleError("not readable HTML") from error
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
        if line:
            lines.append(line)
    return Article("\n".join(lines), "html", published)


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        raw = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise ArticleError("not a readable PDF") from error
    return unwrap(raw)


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
            joiner = "" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]$", previous) else " "
            out[-1] = f"{previous}{joiner}{line}"
    return "\n".join(out)


def _docx(content: bytes) -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ArticleError("not a readable DOCX") from error
    return "\n".join(p.text for p in document.paragraphs if p.text.strip())
