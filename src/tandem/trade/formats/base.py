"""What every format reads into, and the checks that every cell goes through."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

FORMATS = ("comtrade", "japan", "russia")
EXPORTS, IMPORTS = "X", "M"
FORMULA_STARTS = ("=", "+", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff20")
MAX_VALUE = Decimal("1e15")


class Problem(str):
    """A problem's English text (logs, the command line) that keeps its ``code`` and
    ``params`` too, for pages to say it in the reader's language (trade.messages)."""

    code: str
    params: dict[str, object]

    def __new__(cls, text: str, code: str = "", params: dict[str, object] | None = None) -> Problem:
        made = super().__new__(cls, text)
        made.code, made.params = code, dict(params or {})
        return made


class FileRejectedError(Exception):
    """The file as a whole cannot be read; the message says why in one line (and ``code`` with
    ``params`` say it for the reader's language)."""

    def __init__(self, text: str, *, code: str = "", **params: object) -> None:
        super().__init__(text)
        self.code, self.params = code, params

    def problem(self) -> Problem:
        return Problem(str(self), self.code, self.params)


class RowError(ValueError):
    """One row cannot be read; the message says why (the reader adds the row number), and
    ``code`` with ``params`` say it for the reader's language."""

    def __init__(self, text: str, *, code: str = "", **params: object) -> None:
        super().__init__(text)
        self.code, self.params = code, params


class SkipRow(Exception):
    """A row that is read but deliberately not imported (e.g. partner World); says why."""


@dataclass(frozen=True, slots=True)
class Flow:
    year: int
    month: int | None
    reporter: str
    partner: str
    direction: str
    hs_code: str
    national_code: str
    value: Decimal
    currency: str
    quantity: Decimal | None
    unit: str

    @property
    def chapter(self) -> str:
        return self.hs_code[:2]


FORMULA_FIRST = frozenset(FORMULA_STARTS)


def looks_like_formula(cell: str) -> bool:
    """Whether a cell starts (after spaces) like a formula a spreadsheet would run."""
    if not cell:
        return False
    first = cell[0]
    if first == " ":
        first = cell.lstrip(" ")[:1]
    return first in FORMULA_FIRST


def refuse_formula(column: str, text: str) -> None:
    if looks_like_formula(text):
        raise RowError(
            f"column {column}: '{text.strip()[:20]}' looks like a spreadsheet formula",
            code="formula",
            column=column,
            value=text.strip()[:20],
        )


def number(column: str, text: str, *, comma_decimal: bool = False) -> Decimal:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    cleaned = cleaned.replace(",", "." if comma_decimal else "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise RowError(
            f"column {column}: '{text[:20]}' is not a number",
            code="not_a_number",
            column=column,
            value=text[:20],
        ) from None
    if not value.is_finite() or value < 0 or value >= MAX_VALUE:
        raise RowError(
            f"column {column}: '{text[:20]}' is not a number of 0 or more",
            code="not_a_positive_number",
            column=column,
            value=text[:20],
        )
    return value


def optional_number(column: str, text: str, *, comma_decimal: bool = False) -> Decimal | None:
    return number(column, text, comma_decimal=comma_decimal) if text else None


def year_of(column: str, text: str) -> int:
    if not (len(text) == 4 and text.isdigit() and 1950 <= int(text) <= 2100):
        raise RowError(
            f"column {column}: '{text[:20]}' is not a year",
            code="not_a_year",
            column=column,
            value=text[:20],
        )
    return int(text)


def month_of(column: str, text: str) -> int | None:
    if text in ("", "0", "00", "52"):
        return None
    if not (text.isdigit() and 1 <= int(text) <= 12):
        raise RowError(
            f"column {column}: '{text[:20]}' is not a month 1–12",
            code="not_a_month",
            column=column,
            value=text[:20],
        )
    return int(text)


_CHECKED: dict[str, tuple[str, str]] = {}
_CHECKED_AGAINST: list[Container[str]] = []


def hs_code(column: str, text: str, known: Container[str]) -> tuple[str, str]:
    """The HS code (2, 4 or 6 digits; a national 8–10-digit code is cut to its 6-digit
    subheading) and the code as given. Answers are remembered for the same ``known`` list."""
    if not _CHECKED_AGAINST or _CHECKED_AGAINST[0] is not known or len(_CHECKED) > 200_000:
        _CHECKED.clear()
        _CHECKED_AGAINST[:] = [known]
    found = _CHECKED.get(text)
    if found is None:
        found = _CHECKED[text] = _hs_code(column, text, known)
    return found


def _hs_code(column: str, text: str, known: Container[str]) -> tuple[str, str]:
    code = text.replace(".", "").replace(" ", "")
    if not code.isdigit() or len(code) not in (2, 4, 6, 7, 8, 9, 10):
        raise RowError(
            f"column {column}: '{text[:20]}' is not an HS code",
            code="not_an_hs_code",
            column=column,
            value=text[:20],
        )
    hs = code if len(code) in (2, 4, 6) else code[:6]
    if hs not in known and len(code) > 6:
        # A national code of an older edition: filed under its heading (or chapter) when
        # the subheading is no longer in the list (the reader counts such rows).
        hs = next((hs[:digits] for digits in (4, 2) if hs[:digits] in known), hs)
    if hs not in known:
        raise RowError(
            f"column {column}: HS code {hs} is not in the HS list (HS 2022): "
            "check the code or the edition of the classification",
            code="unknown_hs_code",
            column=column,
            value=hs,
        )
    return hs, code


__all__ = ["EXPORTS", "IMPORTS", "Flow", "Problem", "RowError", "SkipRow"]
