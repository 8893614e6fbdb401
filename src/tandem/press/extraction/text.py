"""Language, header (date line, headline, dateline) and sentences of an article (pure Python)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from tandem.core.text.scripts import CYRILLIC, HAN, KANA

LATIN = re.compile(r"[A-Za-z]")

DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")

EN_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
RU_MONTHS = {
    stem: i + 1
    for i, stem in enumerate(
        [
            "январ",
            "феврал",
            "март",
            "апрел",
            "ма",
            "июн",
            "июл",
            "август",
            "сентябр",
            "октябр",
            "ноябр",
            "декабр",
        ]
    )
}
EN_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
RU_MONTH_RE = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)

# A full date standing alone on a line: the publication date of some feeds.
FULL_DATE_LINE = re.compile(
    rf"^\s*(?:(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日|(\d{{1,2}})\s+{RU_MONTH_RE}\s+(\d{{4}})(?:\s+года?)?"
    rf"|{EN_MONTH_RE}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{EN_MONTH_RE}\s+\d{{4}})\s*$",
    re.IGNORECASE,
)

# "MOSCOW, 20 December." / "TOKYO, October 2, 2019 —" / "ТОКИО, 17 декабря 2019 года." /
# "【東京＝26日】"
DATELINE = re.compile(
    r"^(?:【(?P<jplace>[^＝=】]+)[＝=][^】]*】"
    r"|(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:[ \-][A-ZА-ЯЁ][A-ZА-ЯЁ\-]+)*)"
    r"(?:,[^.—\n]{0,40})?(?:\.|\s+—|\s+-\s)\s*)"
)


def detect_language(text: str) -> str:
    """ja when kana or kanji are a fair share of the letters, ru for Cyrillic, else en."""
    kana = len(KANA.findall(text))
    cjk = len(HAN.findall(text))
    cyrillic = len(CYRILLIC.findall(text))
    latin = len(LATIN.findall(text))
    letters = max(kana + cjk + cyrillic + latin, 1)
    if kana or (cjk / letters) > 0.2:
        return "ja"
    if cyrillic > latin:
        return "ru"
    return "en"


def normalise(text: str) -> str:
    """NFC, unified line ends, no trailing spaces, no empty lines at either end."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def text_hash_basis(text: str) -> str:
    """What two copies of one article share: NFKC, lower case, words only."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


@dataclass
class Header:
    published: dt.date | None
    headline: str
    headline_span: tuple[int, int]
    body_start: int
    dateline_span: tuple[int, int] | None
    dateline_place: str | None


def parse_full_date(value: str) -> dt.date | None:
    value = value.strip()
    if m := re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", value):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.search(rf"(\d{{1,2}})\s+({RU_MONTH_RE})\s+(\d{{4}})", value, re.IGNORECASE):
        return _safe_date(int(m[3]), ru_month(m[2]), int(m[1]))
    if m := re.search(rf"({EN_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})", value, re.IGNORECASE):
        return _safe_date(int(m[3]), en_month(m[1]), int(m[2]))
    if m := re.search(rf"(\d{{1,2}})\s+({EN_MONTH_RE})\s+(\d{{4}})", value, re.IGNORECASE):
        return _safe_date(int(m[3]), en_month(m[2]), int(m[1]))
    return None


def en_month(word: str) -> int:
    return EN_MONTHS[word.lower().rstrip(".")]


def ru_month(word: str) -> int:
    word = word.lower()
    for stem, number in sorted(RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    raise KeyError(word)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_header(text: str, published: dt.date | None = None) -> Header:
    """The publication date, the headline and where the body and its dateline start."""
    lines = text.split("\n")
    first = lines[0] if lines else ""
    offset = 0
    headline, headline_span = "", (0, 0)
    if m := DATE_LINE.match(first):
        published = published or dt.date.fromisoformat(m[1])
        headline = m[2].strip()
        start = m.start(2)
        headline_span = (start, start + len(headline))
        offset = len(first) + 1
    else:
        if FULL_DATE_LINE.match(first) and len(lines) > 1:
            published = published or parse_full_date(first)
            offset = len(first) + 1
            first = lines[1]
        headline = first.strip()
        headline_span = (offset, offset + len(first))
        offset += len(first) + 1
    offset = min(offset, len(text))
    body = text[offset:]
    dateline_span, dateline_place = None, None
    if m := DATELINE.match(body):
        dateline_span = (offset + m.start(), offset + m.end())
        dateline_place = (m["jplace"] or m["place"] or "").strip() or None
        if published is None:
            published = parse_full_date(m.group(0))
    return Header(published, headline, headline_span, offset, dateline_span, dateline_place)


ABBREVIATIONS = ("Co.", "Inc.", "Ltd.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Corp.", "Jr.")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"»”']?\s+(?=[\"«“A-ZА-ЯЁ0-9])|(?<=[。！？])|\n+")


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:]`` (line breaks end sentences too)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in SENTENCE_END.finditer(text, start):
        before = text[begin : m.start()]
        if any(before.endswith(abbr) for abbr in ABBREVIATIONS) and "\n" not in m.group(0):
            continue
        if before.strip():
            spans.append((begin, m.start()))
        begin = m.end()
    if text[begin:].strip():
        spans.append((begin, len(text.rstrip())))
    return spans
