"""What an import tells its reader, in the reader's language: rows left out and why, totals
checked against their parts, warnings, and the preview printed by ``tandem trade import``.

The file formats are pure Python and describe what they found in English keys and
structured records (``formats.checks.Check``); this module turns them into sentences with
gettext, so that the page and the command speak the reader's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from tandem.trade.formats import comtrade
from tandem.trade.formats.checks import Check, Plan

if TYPE_CHECKING:
    from tandem.trade.services.imports import ImportReport

SKIP_LABELS = {
    "partner World": gettext_lazy("partner World (the sum over partners)"),
    "re-exports, re-imports and other special flows": gettext_lazy(
        "re-exports, re-imports and other special flows"
    ),
    "rows without trade (every value 0)": gettext_lazy("rows without trade (every value 0)"),
    comtrade.SKIP_TOTAL: gettext_lazy(
        "commodity TOTAL rows (checked against the rows they add up to, not added)"
    ),
    comtrade.SKIP_LEVEL: gettext_lazy(
        "rows at another HS level (checked against the level imported, not added)"
    ),
    comtrade.SKIP_BREAKDOWN: gettext_lazy(
        "breakdown rows by second partner, customs procedure or mode of transport "
        "(checked against their total row, not added)"
    ),
}
PART_NAMES = {
    "chapters": gettext_lazy("the HS chapters (2 digits)"),
    "headings": gettext_lazy("the HS headings (4 digits)"),
    "subheadings": gettext_lazy("the HS subheadings (6 digits)"),
    "months": gettext_lazy("the twelve months"),
    "partner2": gettext_lazy("the breakdown by second partner"),
    "customs": gettext_lazy("the breakdown by customs procedure"),
    "transport": gettext_lazy("the breakdown by mode of transport"),
}
LEVEL_NAMES = {
    2: gettext_lazy("chapters (2 digits)"),
    4: gettext_lazy("headings (4 digits)"),
    6: gettext_lazy("subheadings (6 digits)"),
}


def skip_label(reason: str) -> str:
    return str(SKIP_LABELS.get(reason, reason))


def direction_label(direction: str) -> str:
    return _("exports") if direction == "X" else _("imports")


def money(value: Decimal, currency: str = "USD") -> str:
    return f"{number_format(value, decimal_pos=0, force_grouping=True)} {currency}"


def _flow(check: Check) -> str:
    year, month, reporter, partner, direction = check.key
    period = f"{year}-{month:02d}" if month else str(year)
    return f"{period} {reporter}→{partner} {direction_label(direction)}"


def _parts(check: Check) -> str:
    names = [str(PART_NAMES.get(name, name)) for name in check.parts.split("+")]
    return " × ".join(names)


def check_line(check: Check) -> str:
    """One sentence: a total and the sum of one set of its parts, and whether they agree."""
    values = {
        "flow": _flow(check),
        "parts": _parts(check),
        "found": money(check.found, check.currency),
        "total": money(check.total, check.currency),
        "difference": money(abs(check.difference), check.currency),
    }
    if check.agrees:
        return (
            _(
                "%(flow)s: %(parts)s add up to %(found)s, the file's total is %(total)s "
                "(they agree; difference %(difference)s, rounding)."
            )
            % values
        )
    if check.groups > 1:
        values["codes"] = ngettext(
            "in %(differing)d of %(groups)d commodity code",
            "in %(differing)d of %(groups)d commodity codes",
            check.groups,
        ) % {"differing": check.differing, "groups": check.groups}
        return (
            _(
                "%(flow)s: %(parts)s adds up to %(found)s, the file's total rows to %(total)s: "
                "they differ by %(difference)s %(codes)s. Only the totals are imported; check "
                "the file."
            )
            % values
        )
    if check.parts == "months":
        return (
            _(
                "%(flow)s: %(parts)s add up to %(found)s, the file's year columns to %(total)s: "
                "they differ by %(difference)s. The months are imported; check the file."
            )
            % values
        )
    return (
        _(
            "%(flow)s: %(parts)s add up to %(found)s, the file's total is %(total)s: they "
            "differ by %(difference)s. Only one level is imported; check the file."
        )
        % values
    )


def plan_warnings(plan: Plan, coarser: int) -> list[str]:
    """What the reader chose to import and why, where the file left it a choice."""
    lines = []
    if plan.level is not None:
        lines.append(
            _(
                "The file holds several HS levels of the same trade: only the %(level)s are "
                "imported, the other levels and TOTAL rows are checked against them."
            )
            % {"level": LEVEL_NAMES.get(plan.level, plan.level)}
        )
    for level, (count, example) in sorted(plan.not_kept.items()):
        lines.append(
            ngettext(
                "The %(level)s are not imported: %(count)d code (e.g. %(example)s) is not in "
                "the HS list (HS 2022), the file uses an older edition.",
                "The %(level)s are not imported: %(count)d codes (e.g. %(example)s) are not "
                "in the HS list (HS 2022), the file uses an older edition.",
                count,
            )
            % {"level": LEVEL_NAMES.get(level, level), "count": count, "example": example}
        )
    if coarser:
        lines.append(
            ngettext(
                "%(count)d row has a national code whose subheading is not in HS 2022 (an "
                "older edition): it is filed under its HS heading.",
                "%(count)d rows have a national code whose subheading is not in HS 2022 (an "
                "older edition): they are filed under their HS heading.",
                coarser,
            )
            % {"count": coarser}
        )
    return lines


def overlap_warning(reporter: str, years: list[int]) -> str:
    return _(
        "Earlier imports already hold figures reported by %(reporter)s for %(years)s: the "
        "figures will be added together; delete the earlier import first if this file "
        "replaces it."
    ) % {"reporter": reporter, "years": ", ".join(str(year) for year in years)}


def preview_lines(report: ImportReport, *, first_rows: int = 5) -> list[str]:
    """The preview as lines of text: what ``tandem trade import --dry-run`` prints."""
    years = f"{report.years[0]}–{report.years[1]}" if report.years else "-"
    head = _("Would import") if report.dry_run else pgettext("trade import preview", "Imported")
    lines = [
        _("%(head)s %(rows)s rows from %(name)s (%(format)s, %(encoding)s), %(years)s.")
        % {
            "head": head,
            "rows": number_format(report.rows, force_grouping=True),
            "name": report.file_name,
            "format": report.file_format,
            "encoding": report.encoding,
            "years": years,
        }
    ]
    if report.dry_run:
        lines.append(_("Nothing was written (dry run)."))
    lines += ["", _("Rows and value by flow and year (US dollars):")]
    for (year, reporter, partner, direction), (rows, value) in report.by_year.items():
        lines.append(
            f"  {year}  {reporter}→{partner}  {direction_label(direction):<8} "
            f"{number_format(rows, force_grouping=True):>10}  {money(value):>24}"
        )
    lines += ["", _("Totals by flow (US dollars):")]
    for (reporter, partner, direction), value in report.totals.items():
        lines.append(f"  {reporter}→{partner}  {direction_label(direction):<8} {money(value):>24}")
    if report.skipped:
        lines += ["", _("Rows left out:")]
        lines += [
            "  " + _("%(count)s: %(reason)s") % {"count": count, "reason": skip_label(reason)}
            for reason, count in report.skipped.items()
        ]
    if report.checks:
        lines += ["", _("Totals checked against their parts:")]
        lines += [f"  {check_line(check)}" for check in report.checks]
    if report.warnings:
        lines += ["", _("Warnings:")]
        lines += [f"  {warning}" for warning in report.warnings]
    if report.sample:
        lines += ["", _("First rows:")]
        for flow in report.sample[:first_rows]:
            lines.append(
                f"  {flow.year} {flow.month or ''} {flow.reporter}→{flow.partner} "
                f"{direction_label(flow.direction)} {flow.hs_code} "
                f"{money(flow.value, flow.currency)}"
            )
    return lines
