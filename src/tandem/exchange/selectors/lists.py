"""The lists and detail pages' reads, always through the visibility filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.selectors.visibility import (
    visible_dispatches,
    visible_enterprises,
    visible_indicators,
    visible_outcomes,
    visible_placements,
)


def enterprise_list(
    user: Any, *, q: str = "", sector: str = "", side: str = "", sort: str = "name"
) -> QuerySet[EnterpriseProfile]:
    rows = visible_enterprises(user).annotate(
        dispatch_count=Count("dispatches", distinct=True),
        placement_count=Count("placements_out", distinct=True),
        indicator_count=Count("indicators", distinct=True),
    )
    if q:
        rows = rows.filter(
            Q(organisation__name__icontains=q)
            | Q(organisation__name_ja__icontains=q)
            | Q(organisation__name_ru__icontains=q)
            | Q(organisation__name_en__icontains=q)
        )
    if sector:
        rows = rows.filter(sector=sector)
    if side:
        rows = rows.filter(organisation__side__code=side)
    order = {
        "name": "organisation__name",
        "-name": "-organisation__name",
        "-start": "-created_at",
        "start": "created_at",
    }
    return rows.order_by(order.get(sort, "organisation__name"), "pk")


def dispatch_list(
    user: Any, *, q: str = "", topic: str = "", sector: str = "", sort: str = "-start"
) -> QuerySet[SpecialistDispatch]:
    rows = visible_dispatches(user)
    if q:
        rows = rows.filter(
            Q(host__organisation__name__icontains=q)
            | Q(specialist__name__icontains=q)
            | Q(expertise__icontains=q)
        )
    if topic:
        rows = rows.filter(topic=topic)
    if sector:
        rows = rows.filter(host__sector=sector)
    order = {
        "name": "host__organisation__name",
        "-name": "-host__organisation__name",
        "-start": "-start_date",
        "start": "start_date",
    }
    return rows.order_by(order.get(sort, "-start_date"), "pk")


def placement_list(
    user: Any, *, q: str = "", sector: str = "", sort: str = "-start"
) -> QuerySet[TraineePlacement]:
    rows = visible_placements(user)
    if q:
        rows = rows.filter(
            Q(home__organisation__name__icontains=q)
            | Q(host__organisation__name__icontains=q)
            | Q(trainee__name__icontains=q)
        )
    if sector:
        rows = rows.filter(home__sector=sector)
    order = {
        "name": "home__organisation__name",
        "-name": "-home__organisation__name",
        "-start": "-start_date",
        "start": "start_date",
    }
    return rows.order_by(order.get(sort, "-start_date"), "pk")


@dataclass(frozen=True)
class ProtocolRow:
    indicator: KpiIndicator
    baseline: KpiMeasurement | None
    six: KpiMeasurement | None
    twelve: KpiMeasurement | None

    def change(self, measurement: KpiMeasurement | None) -> float | None:
        if measurement is None or self.baseline is None or not self.baseline.value:
            return None
        return float(measurement.value / self.baseline.value - 1) * 100

    @property
    def change_six(self) -> float | None:
        return self.change(self.six)

    @property
    def change_twelve(self) -> float | None:
        return self.change(self.twelve)


def kpi_protocol(profile: EnterpriseProfile) -> list[ProtocolRow]:
    rows = []
    for indicator in profile.indicators.prefetch_related("measurements", "files"):
        by_horizon = {m.horizon: m for m in indicator.measurements.all()}
        rows.append(
            ProtocolRow(indicator, by_horizon.get(0), by_horizon.get(6), by_horizon.get(12))
        )
    return rows


def enterprise_detail(user: Any, pk: int) -> dict[str, Any] | None:
    profile = visible_enterprises(user).filter(pk=pk).first()
    if profile is None:
        return None
    return {
        "profile": profile,
        "protocol": kpi_protocol(profile),
        "dispatches": visible_dispatches(user).filter(host=profile),
        "placements": visible_placements(user).filter(Q(home=profile) | Q(host=profile)),
        "outcomes": visible_outcomes(user).filter(enterprise=profile),
    }


def indicator_for(user: Any, pk: int) -> KpiIndicator | None:
    return visible_indicators(user).filter(pk=pk).first()


def measurement_for(user: Any, pk: int) -> KpiMeasurement | None:
    return (
        KpiMeasurement.objects.filter(indicator__in=visible_indicators(user))
        .select_related("indicator__enterprise__organisation")
        .filter(pk=pk)
        .first()
    )


def outcome_list(
    user: Any, *, q: str = "", kind: str = "", side: str = "", year: int | None = None
) -> QuerySet[BusinessOutcome]:
    rows = visible_outcomes(user).select_related("dispatch__specialist")
    if q:
        rows = rows.filter(
            Q(description__icontains=q)
            | Q(enterprise__organisation__name__icontains=q)
            | Q(joint_project__code__icontains=q)
        )
    if kind:
        rows = rows.filter(kind=kind)
    if side:
        rows = rows.filter(enterprise__organisation__side__code=side)
    if year:
        rows = rows.filter(date__year=year)
    return rows.order_by("-date", "pk")


def outcome_counts(rows: QuerySet[BusinessOutcome]) -> dict[str, Any]:
    """How many outcomes of each kind, how many link a joint project, the enterprises."""
    unordered = rows.order_by()
    by_kind = {row["kind"]: row["n"] for row in unordered.values("kind").annotate(n=Count("pk"))}
    return {
        "total": sum(by_kind.values()),
        "by_kind": by_kind,
        "linked_projects": unordered.exclude(joint_project=None)
        .values("joint_project")
        .distinct()
        .count(),
        "enterprises": unordered.values("enterprise").distinct().count(),
    }
