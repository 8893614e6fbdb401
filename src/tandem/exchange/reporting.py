"""The effect report in its three forms: data (JSON), charts (SVG) and a PDF (WeasyPrint).

The same figures feed the committee's briefing pack: call :func:`effect_report_data` (or
:func:`tandem.exchange.selectors.effect.effect_report`) and take what the pack needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tandem.exchange.charts import BarItem, ForestRow, bar_chart, forest_plot
from tandem.exchange.enums import OutcomeKind
from tandem.exchange.schemas import (
    CohortFigure,
    EffectReportOut,
    IndicatorFigures,
    LinkedProjectOut,
    OutcomesOut,
)
from tandem.exchange.selectors.effect import EffectReport, IndicatorReport, effect_report
from tandem.exchange.statistics.cohorts import ALL, DIFFERENCE, MIN_PAIRS, NOT_YET_SERVED


def effect_report_data(report: EffectReport) -> EffectReportOut:
    return EffectReportOut(
        generated_at=report.generated_at,
        confidence=report.confidence,
        illustrative=report.illustrative,
        totals=report.totals,
        indicators=[
            IndicatorFigures(
                indicator=indicator.key,
                label=indicator.label,
                higher_is_better=indicator.higher_is_better,
                cohorts=[
                    CohortFigure(
                        **result.as_dict(),  # type: ignore[arg-type]
                        label=report.label(result.dimension, result.cohort),
                    )
                    for result in indicator.results
                ],
            )
            for indicator in report.indicators
        ],
        outcomes=OutcomesOut(
            counts=report.outcomes.counts,
            amounts=report.outcomes.amounts,
            follow_up_projects=[
                LinkedProjectOut(code=p.code, title=p.title, enterprise=p.enterprise, date=p.date)
                for p in report.outcomes.projects
            ],
            projects_not_shown=report.outcomes.hidden_projects,
        ),
    )


@dataclass(frozen=True)
class IndicatorSection:
    indicator: IndicatorReport
    horizons: list[tuple[int, str, list[dict[str, Any]]]]  # months, chart SVG, table rows


def _chart_rows(report: EffectReport, results: list[Any]) -> list[ForestRow]:
    rows = []
    for result in results:
        interval = result.interval
        if interval.n < MIN_PAIRS and result.dimension != ALL:
            continue
        rows.append(
            ForestRow(
                label=report.label(result.dimension, result.cohort),
                estimate=interval.estimate,
                low=interval.low,
                high=interval.high,
                n=interval.n,
                emphasis=result.dimension in (ALL, NOT_YET_SERVED, DIFFERENCE),
            )
        )
    return rows


def report_sections(report: EffectReport) -> list[IndicatorSection]:
    """Per indicator and horizon: the forest plot and the table rows, labels translated."""
    sections = []
    dimension_labels = {
        "all": _("All"),
        "year": _("Year served"),
        "region": _("Region"),
        "sector": _("Sector"),
        "topic": _("Topic"),
        NOT_YET_SERVED: _("Comparison"),
        DIFFERENCE: _("Difference"),
    }
    for indicator in report.indicators:
        horizons = []
        for months in sorted({r.horizon for r in indicator.results}):
            results = indicator.for_horizon(months)
            title = _("%(indicator)s: change at %(months)d months") % {
                "indicator": indicator.label,
                "months": months,
            }
            chart = forest_plot(
                _chart_rows(report, results),
                title=title,
                axis_label=_("change from baseline, per cent (%(level)s%% interval)")
                % {"level": f"{report.confidence * 100:g}"},
            )
            rows = [
                {
                    "dimension": dimension_labels.get(r.dimension, r.dimension),
                    "label": report.label(r.dimension, r.cohort),
                    "interval": r.interval,
                    "emphasis": r.dimension in (ALL, NOT_YET_SERVED, DIFFERENCE),
                }
                for r in results
            ]
            horizons.append((months, chart, rows))
        sections.append(IndicatorSection(indicator, horizons))
    return sections


def outcomes_chart(report: EffectReport) -> str:
    items = [
        BarItem(str(OutcomeKind(kind).label), count)
        for kind, count in report.outcomes.counts.items()
    ]
    return bar_chart(items, title=_("Business-expansion outcomes"))


def report_context(report: EffectReport) -> dict[str, Any]:
    return {
        "report": report,
        "sections": report_sections(report),
        "outcomes_chart": outcomes_chart(report),
        "outcome_labels": {kind.value: str(kind.label) for kind in OutcomeKind},
        "shows_illustrative": report.illustrative,
    }


def effect_report_pdf(report: EffectReport) -> bytes:
    """The report as a PDF, from the same figures and charts as the page."""
    from weasyprint import HTML  # imported here: loading WeasyPrint takes a while

    html = render_to_string("web/exchange/effect_report_pdf.html", report_context(report))
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


__all__ = ["effect_report", "effect_report_data", "effect_report_pdf", "report_context"]
