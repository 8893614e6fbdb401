"""The co-chairs' briefing pack: one template for the page, the HTML file and the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tandem.committee.charts.svg import bars_svg, matrix_svg
from tandem.committee.exporters.pdf import PDF_FONTS, html_to_pdf
from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.portfolio import GROUPS, session_portfolio
from tandem.core.models import Country
from tandem.exchange.selectors.effect import effect_report
from tandem.exchange.statistics.cohorts import ALL
from tandem.matchmaking.selectors.introductions import STAGES, funnel
from tandem.programme.selectors import national_projects, plan_areas
from tandem.projects.enums import ProjectStatus
from tandem.trade.selectors.briefing import trade_figures

Progress = Callable[[int, str], None]
TEMPLATE = "web/committee/briefing_pack.html"
# In the PDF a group longer than this is listed by code only: a co-chair's pack stays short and
# quick to make; the HTML pack lists every title.
COMPACT_OVER = 120


def _quiet(_percent: int, _step: str) -> None:
    return None


def group_labels() -> dict[str, str]:
    return {
        "new": _("New since the previous session"),
        "advanced": _("Advanced since the previous session"),
        "stalled": _("Stalled (no change of status for a year or more)"),
        "completed": _("Completed since the previous session"),
    }


@dataclass(frozen=True)
class ExchangeFigure:
    indicator: str
    higher_is_better: bool
    n: int
    estimate: float | None
    low: float | None
    high: float | None
    method: str


def exchange_figures(user: Any) -> dict[str, Any] | None:
    """The productivity exchange in the pack: totals, and per indicator the change of all served
    enterprises at 12 months (6 where 12 are not measured yet), from the effect report."""
    report = effect_report(user=user)
    if not report.totals.get("enterprises"):
        return None
    figures = []
    for indicator in report.indicators:
        for months in (12, 6):
            overall = [r for r in indicator.for_horizon(months) if r.dimension == ALL]
            if overall:
                interval = overall[0].interval
                figures.append(
                    (
                        months,
                        ExchangeFigure(
                            indicator.label,
                            indicator.higher_is_better,
                            interval.n,
                            interval.estimate,
                            interval.low,
                            interval.high,
                            interval.method,
                        ),
                    )
                )
                break
    return {
        "totals": report.totals,
        "figures": figures,
        "confidence": round(report.confidence * 100),
        "outcomes": report.outcomes.counts,
        "illustrative": report.illustrative,
    }


def matchmaking_figures() -> dict[str, Any] | None:
    """The SME matchmaking funnel in the pack: in total and per side of the asking company."""
    rows = funnel(by="side")
    if not rows or not any(rows[0].counts.values()):
        return None
    labels = {
        "suggested": _("Suggested"),
        "requested": pgettext("introduction", "Requested"),
        "accepted": pgettext("introduction", "Accepted"),
        "met": _("Met"),
        "agreement": _("Agreement"),
    }
    sides = {country.code: str(country.name) for country in Country.objects.all()}
    return {
        "stages": [labels[stage] for stage in STAGES],
        "rows": [(sides.get(row.label, _("All")), row.cells()) for row in rows],
    }


def briefing_context(
    session: CommitteeSession,
    user: Any,
    *,
    language: str,
    as_of: dt.date | None = None,
    progress: Progress = _quiet,
) -> dict[str, Any]:
    """Everything the pack shows, read in ``language`` (call inside translation.override)."""
    progress(10, "history")  # codes of committee.messages.BRIEFING_STEPS
    portfolio = session_portfolio(session, user, as_of=as_of, language=language)
    progress(40, "charts")
    areas = list(plan_areas())
    nationals = list(national_projects())
    counts = portfolio.comparison.status_counts
    status_rows = [(str(status.label), counts.get(status.value, 0)) for status in ProjectStatus]
    labels = group_labels()
    return {
        "session": session,
        "co_chairs": list(session.co_chairs.all()),
        "portfolio": portfolio,
        "counts": portfolio.counts(),
        "status_rows": status_rows,
        "status_chart": bars_svg(status_rows, title=_("Joint projects by status")),
        "matrix_chart": matrix_svg(
            [area.code for area in areas],
            [national.code for national in nationals],
            portfolio.matrix,
            title=_("Alignment matrix: joint projects by plan area and national project"),
            description=_("Rows are plan areas, columns national projects."),
        ),
        "plan_areas": areas,
        "national_projects": nationals,
        "groups": [
            (group, labels[group], portfolio.lines[group], portfolio.hidden[group])
            for group in GROUPS
        ],
        "legend_rows": list(zip_longest(areas, nationals)),
        "action_groups": [
            (_("Done since the previous session"), portfolio.items_done),
            (_("Open, carried into this session"), portfolio.items_open),
            (_("Overdue"), portfolio.items_overdue),
        ],
        "overdue_ids": {item.pk for item in portfolio.items_overdue},
        "exchange": exchange_figures(user),
        "matchmaking": matchmaking_figures(),
        "trade": trade_figures(),
        "language": language,
        "pdf_fonts": PDF_FONTS,
        "generated": dt.date.today(),
        "shows_illustrative": portfolio.shows_illustrative or session.is_illustrative,
    }


def render_briefing(
    session: CommitteeSession,
    user: Any,
    *,
    language: str,
    file_format: str,
    as_of: dt.date | None = None,
    progress: Progress = _quiet,
) -> bytes:
    """The pack as a PDF or a self-contained HTML file, in ``language``."""
    with translation.override(language):
        context = briefing_context(session, user, language=language, as_of=as_of, progress=progress)
        progress(60, "writing")
        html = render_to_string(
            TEMPLATE, context | {"for_pdf": file_format == "pdf", "compact_over": COMPACT_OVER}
        )
        if file_format == "html":
            return html.encode("utf-8")
        progress(75, "pdf")
        return html_to_pdf(html)
