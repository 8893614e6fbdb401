"""The portfolio dashboard: projects by status over time, by plan area, by region on a
schematic map of both countries, and what moved since a chosen committee session."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.dashboard import (
    DashboardFigures,
    DashboardQuery,
    dashboard_figures,
    dashboard_sessions,
)
from tandem.committee.selectors.dashboard_figures import GROUPS
from tandem.core.charts.bars import horizontal_bars_svg
from tandem.core.charts.choropleth import area_codes, choropleth_svg
from tandem.core.charts.timeseries import Series, stacked_area_svg
from tandem.core.models import Country, FederalDistrict
from tandem.core.permissions import permission_required
from tandem.interop.tabular.export import escape_formula
from tandem.programme.selectors import plan_areas
from tandem.projects.enums import ProjectStatus
from tandem.projects.selectors.registry import filtered_projects

ANY = [("", gettext_lazy("Any"))]
LIST_LIMIT = 100
TITLE_CHUNK = 5000
STATUS_LABELS = {str(code): label for code, label in ProjectStatus.choices}
CHARTS = ("status", "areas", "regions", "session")
STATUS_COLOURS = {
    "idea": "#9fb3c8",
    "negotiation": "#f0b429",
    "agreed": "#3ebd93",
    "under_implementation": "#2680c2",
    "completed": "#1f5796",
    "suspended": "#c65d7b",
    "cancelled": "#7b8794",
}
JAPAN_REGIONS = {
    "Hokkaido": pgettext_lazy("region of Japan", "Hokkaido"),
    "Tohoku": pgettext_lazy("region of Japan", "Tohoku"),
    "Kanto": pgettext_lazy("region of Japan", "Kanto"),
    "Chubu": pgettext_lazy("region of Japan", "Chubu"),
    "Kinki": pgettext_lazy("region of Japan", "Kinki"),
    "Chugoku": pgettext_lazy("region of Japan", "Chugoku"),
    "Shikoku": pgettext_lazy("region of Japan", "Shikoku"),
    "Kyushu-Okinawa": pgettext_lazy("region of Japan", "Kyushu and Okinawa"),
}
GROUP_LABELS = {
    "new": pgettext_lazy("projects", "New"),
    "advanced": pgettext_lazy("projects", "Advanced"),
    "stalled": pgettext_lazy("projects", "Stalled"),
}


class DashboardForm(forms.Form):
    side = forms.ChoiceField(label=gettext_lazy("Side"), required=False)
    plan_area = forms.ChoiceField(label=gettext_lazy("Plan area"), required=False)
    start = forms.IntegerField(
        label=pgettext_lazy("period", "From year"), required=False, min_value=2000, max_value=2100
    )
    end = forms.IntegerField(
        label=pgettext_lazy("period", "To year"), required=False, min_value=2000, max_value=2100
    )
    step = forms.ChoiceField(
        label=gettext_lazy("Step"),
        required=False,
        choices=[("year", gettext_lazy("Year")), ("quarter", gettext_lazy("Quarter"))],
    )
    session = forms.ChoiceField(label=gettext_lazy("Since session"), required=False)

    def __init__(self, *args: Any, sessions: list[CommitteeSession], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)
        fields["side"].choices = ANY + [(c.code, c.name) for c in Country.objects.all()]
        fields["plan_area"].choices = ANY + [(a.code, f"{a.code} {a.name}") for a in plan_areas()]
        fields["session"].choices = [
            (str(s.pk), f"{s} · {s.city} · {s.start_date:%Y-%m-%d}") for s in sessions
        ]

    def value(self, name: str) -> Any:
        return self.cleaned_data.get(name) if self.is_valid() else None


@dataclass
class Dashboard:
    form: DashboardForm
    figures: DashboardFigures
    #: ``(code, name, count)`` of every plan area, in the reader's language.
    by_area: list[tuple[str, str, int]]
    region_names: dict[str, str]
    user: Any

    @property
    def session(self) -> CommitteeSession | None:
        return self.figures.session

    @property
    def total(self) -> int:
        return self.figures.total


def _dashboard(request: HttpRequest) -> Dashboard:
    sessions = dashboard_sessions()
    form = DashboardForm(request.GET or None, sessions=sessions)
    chosen = form.value("session")
    session = next((s for s in sessions if str(s.pk) == chosen), None)
    query = DashboardQuery(
        side=form.value("side") or "",
        plan_area=form.value("plan_area") or "",
        start=form.value("start"),
        end=form.value("end"),
        step=form.value("step") or "year",
        session=session.number if session else None,
    )
    figures = dashboard_figures(user=request.user, query=query, sessions=sessions)
    names = {d.code: str(d.name) for d in FederalDistrict.objects.all()}
    names.update({code: str(label) for code, label in JAPAN_REGIONS.items()})
    by_area = [(a.code, str(a.name), figures.by_area.get(a.code, 0)) for a in plan_areas()]
    return Dashboard(form, figures, by_area, names, request.user)


def _titles(board: Dashboard, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Code and title (in the reader's language) of the projects ``ids``, read in chunks."""
    wanted = list(ids)
    out: dict[int, tuple[str, str]] = {}
    projects = filtered_projects(board.user, board.figures.filters)
    for offset in range(0, len(wanted), TITLE_CHUNK):
        chunk = wanted[offset : offset + TITLE_CHUNK]
        for pid, code, title in projects.filter(pk__in=chunk).values_list("pk", "code", "title"):
            out[pid] = (code, title)
    return out


def _status_label(code: str) -> str:
    return str(STATUS_LABELS.get(code) or ProjectStatus(code).label)


def _charts(board: Dashboard) -> dict[str, str]:
    labels = [label for label, _day in board.figures.periods]
    status = stacked_area_svg(
        labels,
        [
            Series(_status_label(code), values, STATUS_COLOURS.get(code, ""))
            for code, values in board.figures.by_status.items()
        ],
        title=_("Joint projects by status"),
        description=_("Projects in each status at the end of each period."),
    )
    areas = horizontal_bars_svg(
        [(f"{code} {name}", count) for code, name, count in board.by_area],
        title=_("Joint projects by plan area"),
        description=_("A project counts in each of its plan areas."),
    )
    regions = choropleth_svg(
        board.figures.by_region,
        board.region_names,
        title=_("Joint projects by region"),
        headings={"RU": _("Russia: federal districts"), "JP": _("Japan: regions")},
        schematic_note=_("Schematic shapes, not a map"),
        description=_("A project counts once in each area where it has a region."),
    )
    return {"status": status, "areas": areas, "regions": regions}


@permission_required("programme.view_alignment")
def dashboard_page(request: HttpRequest) -> HttpResponse:
    board = _dashboard(request)
    charts = {name: mark_safe(svg) for name, svg in _charts(board).items()}  # noqa: S308 - escaped
    groups = []
    if board.figures.moved:
        moved = board.figures.moved
        shown = {
            group: sorted(moved.groups[group], key=lambda pid: board.figures.codes.get(pid, ""))[
                :LIST_LIMIT
            ]
            for group in GROUPS
        }
        titles = _titles(board, (pid for ids in shown.values() for pid in ids))
        for group in GROUPS:
            rows = [
                {
                    "code": titles[pid][0],
                    "title": titles[pid][1],
                    "before": _status_label(moved.before[pid]) if pid in moved.before else "",
                    "after": _status_label(moved.after[pid]),
                }
                for pid in shown[group]
                if pid in titles
            ]
            groups.append((group, GROUP_LABELS[group], len(moved.groups[group]), rows))
    codes = area_codes()
    region_rows = [
        (board.region_names.get(code, code), board.figures.by_region.get(code, 0))
        for panel in ("RU", "JP")
        for code in codes[panel]
    ]
    return render(
        request,
        "web/alignment/dashboard.html",
        {
            "form": board.form,
            "board": board,
            "charts": charts,
            "groups": groups,
            "region_rows": region_rows,
            "list_limit": LIST_LIMIT,
            "query": request.GET.urlencode(),
            "shows_illustrative": board.figures.shows_illustrative,
        },
    )


def _rows(board: Dashboard, chart: str) -> list[list[Any]]:
    if chart == "status":
        statuses = list(board.figures.by_status)
        header = [pgettext("period", "Period"), *(_status_label(s) for s in statuses)]
        return [header] + [
            [label, *(board.figures.by_status[s][i] for s in statuses)]
            for i, (label, _day) in enumerate(board.figures.periods)
        ]
    if chart == "areas":
        return [[_("Code"), _("Plan area"), _("Projects")]] + [
            [code, name, count] for code, name, count in board.by_area
        ]
    if chart == "regions":
        codes = area_codes()
        return [[_("Code"), _("Region"), _("Projects")]] + [
            [code, board.region_names.get(code, code), board.figures.by_region.get(code, 0)]
            for panel in ("RU", "JP")
            for code in codes[panel]
        ]
    header = [_("Group"), _("Code"), _("Title"), _("Status then"), _("Status now")]
    out: list[list[Any]] = [header]
    if board.figures.moved:
        titles = _titles(board, board.figures.moved.after)
        # Translated once per request, not once per row (80k rows at 100k projects).
        label_of = {code: _status_label(code) for code in STATUS_LABELS}
        for group in GROUPS:
            label = str(GROUP_LABELS[group])
            for pid in board.figures.moved.groups[group]:
                if pid not in titles:
                    continue
                code, title = titles[pid]
                before = board.figures.moved.before.get(pid)
                after = board.figures.moved.after[pid]
                out.append(
                    [
                        label,
                        code,
                        title,
                        label_of.get(before) or _status_label(before) if before else "",
                        label_of.get(after) or _status_label(after),
                    ]
                )
    return out


@permission_required("programme.view_alignment")
def dashboard_export(request: HttpRequest, chart: str) -> HttpResponse:
    if chart not in CHARTS:
        raise Http404(_("No such chart."))
    board = _dashboard(request)
    text = io.StringIO()
    writer = csv.writer(text)
    # Figures that count illustrative demo data say so: a column on every row, and the name.
    illustrative = board.figures.shows_illustrative
    for number, row in enumerate(_rows(board, chart)):
        if illustrative:
            row = [*row, "illustrative" if number == 0 else "yes"]
        writer.writerow([escape_formula(str(cell)) for cell in row])
    response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    name = f"dashboard-{chart}-illustrative" if illustrative else f"dashboard-{chart}"
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response
