"""The effect report's figures from the database: the pairs, their cohorts, the outcomes.

The statistics are computed by :mod:`tandem.exchange.statistics`; this module only gathers the
pairs (baseline, follow-up) and says which cohort each belongs to. An enterprise counts as
*served* at a follow-up when a dispatch to it, or a placement from it, started on or before
the follow-up was measured; otherwise it is in the comparison group (not yet served).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.models import Region
from tandem.exchange.enums import IndicatorKind, OutcomeKind, Sector, Topic
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    KpiIndicator,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.statistics.cohorts import (
    DIFFERENCE,
    NOT_YET_SERVED,
    CohortResult,
    Observation,
    cohort_results,
)
from tandem.exchange.statistics.paired import Method
from tandem.projects.models import JointProject
from tandem.projects.selectors.visibility import visible_projects

PLACEMENT_TOPIC = "trainee_placement"


@dataclass(frozen=True)
class IndicatorReport:
    key: str
    label: str
    higher_is_better: bool
    results: list[CohortResult]

    def for_horizon(self, months: int) -> list[CohortResult]:
        return [r for r in self.results if r.horizon == months]


@dataclass(frozen=True)
class LinkedProject:
    code: str
    title: str
    enterprise: str
    date: dt.date


@dataclass(frozen=True)
class OutcomeSummary:
    counts: dict[str, int]
    amounts: dict[str, float]
    projects: list[LinkedProject]
    hidden_projects: int


@dataclass
class EffectReport:
    generated_at: dt.datetime
    confidence: float
    indicators: list[IndicatorReport]
    outcomes: OutcomeSummary
    totals: dict[str, int]
    illustrative: bool
    labels: dict[tuple[str, str], str] = field(default_factory=dict)

    def label(self, dimension: str, cohort: str) -> str:
        return self.labels.get((dimension, cohort), cohort)


def _first_interventions() -> tuple[dict[int, list[tuple[dt.date, str]]], dict[int, dt.date]]:
    """Per enterprise: its dispatches (start, topic) and its first placement's start."""
    dispatches: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for host_id, start, topic in SpecialistDispatch.objects.values_list(
        "host_id", "start_date", "topic"
    ):
        dispatches[host_id].append((start, topic))
    placements = dict(
        TraineePlacement.objects.values("home_id")
        .annotate(first=Min("start_date"))
        .values_list("home_id", "first")
    )
    return dispatches, placements


def effect_observations() -> list[Observation]:
    """Every (enterprise, indicator, follow-up) pair with its cohorts."""
    dispatches, placements = _first_interventions()
    profiles = {p.pk: p for p in EnterpriseProfile.objects.select_related("organisation__region")}
    observations = []
    indicators = KpiIndicator.objects.prefetch_related("measurements")
    for indicator in indicators:
        by_horizon = {m.horizon: m for m in indicator.measurements.all()}
        baseline = by_horizon.get(0)
        if baseline is None or baseline.value <= 0:
            continue
        profile = profiles[indicator.enterprise_id]
        for horizon in (6, 12):
            follow_up = by_horizon.get(horizon)
            if follow_up is None:
                continue
            topics = sorted({t for start, t in dispatches[profile.pk] if start <= follow_up.date})
            starts = [s for s, _t in dispatches[profile.pk] if s <= follow_up.date]
            placement_start = placements.get(profile.pk)
            if placement_start and placement_start <= follow_up.date:
                starts.append(placement_start)
                if not topics:
                    topics = [PLACEMENT_TOPIC]
            cohorts: list[tuple[str, str]] = []
            if starts:
                region = profile.organisation.region
                cohorts = [
                    ("year", str(min(starts).year)),
                    ("region", region.code if region else "—"),
                    ("sector", profile.sector),
                    *(("topic", topic) for topic in topics),
                ]
            observations.append(
                Observation(
                    enterprise=profile.pk,
                    indicator=indicator.report_key,
                    horizon=horizon,
                    baseline=float(baseline.value),
                    follow_up=float(follow_up.value),
                    served=bool(starts),
                    cohorts=tuple(cohorts),
                )
            )
    return observations


def _indicator_label(key: str) -> tuple[str, bool]:
    if key.startswith("own:"):
        indicator = KpiIndicator.objects.filter(kind=IndicatorKind.OWN, name=key[4:]).first()
        return key[4:], indicator.improves_upwards if indicator else True
    return str(IndicatorKind(key).label), KpiIndicator(kind=key).improves_upwards


def _labels() -> dict[tuple[str, str], str]:
    labels: dict[tuple[str, str], str] = {("all", "all"): _("All served enterprises")}
    labels[(NOT_YET_SERVED, "all")] = _("Not yet served (comparison)")
    labels[(DIFFERENCE, "all")] = _("Served minus not yet served")
    labels.update({("sector", s.value): str(s.label) for s in Sector})
    labels.update({("topic", t.value): str(t.label) for t in Topic})
    labels[("topic", PLACEMENT_TOPIC)] = _("Trainee placements only")
    labels.update(
        {("region", code): str(name) for code, name in Region.objects.values_list("code", "name")}
    )
    return labels


def outcome_summary(user: Any | None) -> OutcomeSummary:
    """Outcomes counted by kind; follow-up joint projects listed where ``user`` may see them
    (``None``: the command line, which sees every project)."""
    outcomes = BusinessOutcome.objects.select_related("enterprise__organisation", "joint_project")
    counts = Counter(outcomes.values_list("kind", flat=True))
    amounts: dict[str, float] = defaultdict(float)
    for currency, amount in outcomes.exclude(amount=None).values_list("currency", "amount"):
        if amount is not None:
            amounts[currency] += float(amount)
    visible = (
        set(visible_projects(user).values_list("pk", flat=True))
        if user is not None
        else set(JointProject.objects.values_list("pk", flat=True))
    )
    projects, hidden = [], 0
    for outcome in outcomes.exclude(joint_project=None).order_by("-date"):
        project = outcome.joint_project
        assert project is not None
        if project.pk not in visible:
            hidden += 1
            continue
        projects.append(
            LinkedProject(project.code, str(project.title), str(outcome.enterprise), outcome.date)
        )
    return OutcomeSummary(
        counts={kind.value: counts.get(kind.value, 0) for kind in OutcomeKind},
        amounts=dict(sorted(amounts.items())),
        projects=projects,
        hidden_projects=hidden,
    )


def effect_report(
    *, user: Any | None = None, method: Method = "auto", confidence: float = 0.95, seed: int = 2019
) -> EffectReport:
    """The whole report: per indicator, horizon and cohort, the change with its interval."""
    results = cohort_results(effect_observations(), method=method, confidence=confidence, seed=seed)
    grouped: dict[str, list[CohortResult]] = defaultdict(list)
    for result in results:
        grouped[result.indicator].append(result)
    order = {kind: index for index, kind in enumerate(IndicatorKind.values)}
    indicators = []
    for key in sorted(grouped, key=lambda k: (order.get(k, len(order)), k)):
        label, upwards = _indicator_label(key)
        indicators.append(IndicatorReport(key, label, upwards, grouped[key]))
    illustrative = (
        EnterpriseProfile.objects.filter(is_illustrative=True).exists()
        or KpiIndicator.objects.filter(is_illustrative=True).exists()
    )
    return EffectReport(
        generated_at=timezone.now(),
        confidence=confidence,
        indicators=indicators,
        outcomes=outcome_summary(user),
        totals={
            "enterprises": EnterpriseProfile.objects.count(),
            "dispatches": SpecialistDispatch.objects.count(),
            "placements": TraineePlacement.objects.count(),
            "completed_placements": TraineePlacement.objects.filter(completed=True).count(),
        },
        illustrative=illustrative,
        labels=_labels(),
    )
