"""What the element readers share: the activity builder and value parsers.

Rule for problems: a malformed value (bad date, bad number, unknown status) is an ``error`` and
the activity is not imported; something valid in IATI but outside our model (another
transaction type, another currency, an unknown role) is a ``warning`` and only that part is
left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeAlias

from .. import _lxml
from ..mapping import TANDEM_NS, XML_LANG
from ..records import (
    DocumentLinkRecord,
    FinancingRecord,
    ImportProblem,
    LocationRecord,
    OrgRef,
    ParticipantRecord,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    ResultRecord,
    SectorRecord,
    Text,
)

Element: TypeAlias = _lxml.Element

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?")
_XSD_BOOL = {"1": True, "true": True, "0": False, "false": False}


def tandem(name: str) -> str:
    return f"{{{TANDEM_NS}}}{name}"


_LINE = tandem("line")


class BadValue(ValueError):
    """A malformed value; the message is meant for the person who made the file: in English,
    with a ``code`` and ``params`` that pages render in the reader's language."""

    def __init__(self, message: str, code: str = "", /, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class Builder:
    """Collects what the readers find in one ``<iati-activity>``."""

    __slots__ = (
        "code",
        "countries",
        "dates",
        "default_currency",
        "default_finance",
        "default_flow",
        "descriptions",
        "document_links",
        "failed",
        "financing",
        "financing_order",
        "identifier",
        "lang",
        "last_updated",
        "locations",
        "national_projects",
        "number",
        "other_descriptions",
        "participants",
        "plan_areas",
        "problems",
        "publisher",
        "regions",
        "reporting_ref",
        "results",
        "secondary_reporter",
        "sectors",
        "seen",
        "status",
        "titles",
    )

    def __init__(self, lang: str, number: int) -> None:
        self.lang = lang
        self.number = number
        self.identifier: str | None = None
        self.reporting_ref: str | None = None
        self.code: str | None = None
        self.titles: Text | None = None
        self.descriptions: Text = {}
        self.other_descriptions: dict[str, Text] = {}
        self.locations: list[LocationRecord] = []
        self.document_links: list[DocumentLinkRecord] = []
        self.publisher: OrgRef | None = None
        self.secondary_reporter = False
        self.status: ProjectStatus | None = None
        self.seen: set[str] = set()
        self.participants: list[ParticipantRecord] = []
        self.dates: dict[str, date] = {}
        self.countries: list[RecipientCountry] = []
        self.regions: list[RegionRecord] = []
        self.sectors: list[SectorRecord] = []
        self.plan_areas: list[str] = []
        self.national_projects: list[str] = []
        self.financing: list[FinancingRecord] = []
        self.financing_order: list[int | None] = []
        self.results: list[ResultRecord] = []
        self.default_currency: str | None = None
        self.default_flow: str | None = None
        self.default_finance: str | None = None
        self.last_updated: datetime | None = None
        self.problems: list[tuple[str, int | None, bool, str, tuple[tuple[str, str], ...]]] = []
        self.failed = False

    def bad_value(self, element: Element, exc: BadValue, left_out: str = "") -> None:
        """``exc`` found in ``element``: the activity is read without ``left_out`` (an element
        or attribute name), or refused when ``left_out`` is empty."""
        if not left_out:
            self.error(element, str(exc), exc.code, **exc.params)
            return
        params = {**exc.params, "left_out": left_out} if exc.code else {}
        self.warn(element, f"{exc}; the {left_out} was left out", exc.code, **params)

    def error(self, element: Element, message: str, code: str = "", /, **params: object) -> None:
        """The activity is refused: ``message`` in English, ``code`` and ``params`` for pages."""
        self.problems.append((message, _lxml.line(element), True, code, _pairs(params)))
        self.failed = True

    def warn(self, element: Element, message: str, code: str = "", /, **params: object) -> None:
        """The activity is read without the part ``message`` names (English; ``code``,
        ``params`` for pages)."""
        self.problems.append((message, _lxml.line(element), False, code, _pairs(params)))

    def add_financing(self, element: Element, line: FinancingRecord) -> None:
        position = element.get(_LINE)
        self.financing.append(line)
        self.financing_order.append(int(position) if position and position.isdigit() else None)

    def ordered_financing(self) -> tuple[FinancingRecord, ...]:
        """Lines in their tandem:line order when every line has one, else in file order."""
        order = self.financing_order
        if None in order or len(set(order)) != len(order):
            return tuple(self.financing)
        pairs = sorted(zip(order, self.financing, strict=True), key=lambda pair: pair[0] or 0)
        return tuple(line for _, line in pairs)

    def finished_problems(self) -> list[ImportProblem]:
        return [
            ImportProblem(
                message,
                self.identifier,
                line,
                "error" if fatal else "warning",
                self.number,
                code,
                params,
            )
            for message, line, fatal, code, params in self.problems
        ]


def _pairs(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((name, str(value)) for name, value in params.items()))


Reader: TypeAlias = Callable[[Element, Builder], None]


def language(code: str | None, default: str) -> str:
    """An xml:lang as we key texts: lower case, the primary subtag ("EN-GB" -> "en")."""
    if not code or not (code := code.strip()):
        return default
    return code.lower().replace("_", "-").split("-")[0] or default


def text_of(element: Element, lang: str) -> Text:
    """The narratives of ``element`` by language (stripped; repeated languages joined).

    Language codes are read case-insensitively (d-portal writes "EN"); a narrative without
    xml:lang is in ``lang``, the activity's (or the file's) language.
    """
    out: Text = {}
    for narrative in element.iterchildren("narrative"):
        value = narrative.text
        if not value or not (value := value.strip()):
            continue
        key = language(narrative.get(XML_LANG), lang)
        out[key] = f"{out[key]}\n{value}" if key in out else value
    return out


def parse_date(value: str | None, what: str) -> date:
    if value is None:
        raise BadValue(f"{what} has no iso-date", "no_date", what=what)
    match = _DATE.fullmatch(value.strip())
    if match is None:
        raise BadValue(
            f"{what} has a bad date {value!r} (expected YYYY-MM-DD)",
            "bad_date",
            what=what,
            value=value,
        )
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise BadValue(
            f"{what} has an impossible date {value!r}", "impossible_date", what=what, value=value
        ) from None


def parse_datetime(value: str, what: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadValue(
            f"{what} has a bad date-time {value!r}", "bad_datetime", what=what, value=value
        ) from None


def parse_decimal(value: str | None, what: str) -> Decimal:
    if value is None or not value.strip():
        raise BadValue(f"{what} has no value", "no_value", what=what)
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise BadValue(
            f"{what} is not a number: {value!r}", "not_a_number", what=what, value=value
        ) from None
    if not number.is_finite():
        raise BadValue(
            f"{what} is not a finite number: {value!r}", "not_finite", what=what, value=value
        )
    return number


def optional_decimal(value: str | None, what: str) -> Decimal | None:
    return None if value is None else parse_decimal(value, what)


def parse_bool(value: str | None, what: str) -> bool | None:
    if value is None:
        return None
    try:
        return _XSD_BOOL[value.strip()]
    except KeyError:
        raise BadValue(
            f"{what} is not a boolean: {value!r}", "not_boolean", what=what, value=value
        ) from None
