"""Why a trade file or row is refused, by code (see :mod:`tandem.core.messages`).

The file formats are pure Python: they raise :class:`~tandem.trade.formats.base.RowError` and
:class:`~tandem.trade.formats.base.FileRejectedError` with an English text (for the command
line and logs) and a code with parameters; the import keeps them as
:class:`~tandem.trade.formats.base.Problem` and the page says them in the reader's language
("The format could not be told from the header" inside a Russian page before)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tandem.core.messages import render
from tandem.trade.formats.base import Problem

TRADE_PROBLEMS = {
    "row": _("Row %(row)s: %(problem)s"),
    # the file as a whole
    "empty": _("The file is empty."),
    "encoding": _(
        "The file is not in UTF-8, CP932 (Japanese) or CP1251 (Russian): save it as UTF-8 CSV."
    ),
    "unknown_format": _("Unknown format “%(value)s”: use %(formats)s."),
    "format_not_told": _(
        "The format could not be told from the header: choose it under “Format” (UN Comtrade, "
        "Japan Customs or Russia's FTS)."
    ),
    "missing_columns": _("The header of a %(file_format)s file lacks the columns: %(columns)s."),
    "no_rows": _("The file has no rows to import."),
    # one row
    "formula": _("column %(column)s: “%(value)s” looks like a spreadsheet formula."),
    "not_a_number": _("column %(column)s: “%(value)s” is not a number."),
    "not_a_positive_number": _("column %(column)s: “%(value)s” is not a number of 0 or more."),
    "not_a_year": _("column %(column)s: “%(value)s” is not a year."),
    "not_a_month": _("column %(column)s: “%(value)s” is not a month 1–12."),
    "not_an_hs_code": _("column %(column)s: “%(value)s” is not an HS code."),
    "unknown_hs_code": _(
        "column %(column)s: HS code %(value)s is not in the HS list (HS 2022): check the code "
        "or the edition of the classification."
    ),
    "not_a_direction": _("column %(column)s: “%(value)s” is not one of %(allowed)s."),
    "unknown_country": _("column %(column)s: “%(value)s” is not a country code tandem knows."),
    "no_value": _("no value for the year or for any month."),
    "mixed_levels": _(
        "HS code %(value)s has %(digits)s digits where the rows before have %(before)s: import "
        "one level of detail per file."
    ),
    "no_total_row": _(
        "the rows broken down by second partner, customs procedure or mode of transport for "
        "%(key)s have no total row (second partner World, customs procedure C00, mode of "
        "transport 0): download the file with its total rows."
    ),
    "no_rate": _(
        "no %(currency)s exchange rate on or before %(date)s: import exchange rates first."
    ),
    # a problem without a code: its text as it was given
    "as_given": _("%(text)s"),
}


def problem_text(problem: str, *, language: str | None = None) -> str:
    """``problem`` in ``language`` (the active one by default); a plain text as it is."""
    code = getattr(problem, "code", "")
    if not isinstance(problem, Problem) or code not in TRADE_PROBLEMS:
        return str(problem)
    return render(
        TRADE_PROBLEMS,
        {"code": code, "params": problem.params},
        fallback=str(problem),
        language=language,
    )
