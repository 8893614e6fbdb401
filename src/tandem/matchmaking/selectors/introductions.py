"""Reads on introductions: the inbox of a user and the funnel from suggestion to agreement."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from tandem.core.enums import Role
from tandem.matchmaking.enums import AGREEMENT_OUTCOMES, IntroductionStatus
from tandem.matchmaking.models import Introduction, Suggestion

STAGES = ("suggested", "requested", "accepted", "met", "agreement")


def visible_introductions(user: Any) -> QuerySet[Introduction]:
    rows = Introduction.objects.select_related(
        "requester__country", "recipient__country", "plan_area", "joint_project"
    )
    if user.is_superuser or user.role == Role.AGENCY_STAFF:
        return rows
    if user.role == Role.COMPANY_REPRESENTATIVE and user.organisation_id:
        return rows.filter(
            Q(requester__organisation_id=user.organisation_id)
            | Q(recipient__organisation_id=user.organisation_id)
        )
    return rows.none()


def inbox(user: Any, box: str = "received", status: str = "") -> QuerySet[Introduction]:
    """``received``: waiting on the user's company (all open ones for agency staff);
    ``sent``: asked by it; ``all``: everything the user may see."""
    rows = visible_introductions(user)
    organisation_id = getattr(user, "organisation_id", None)
    if box == "received":
        rows = (
            rows.filter(recipient__organisation_id=organisation_id)
            if organisation_id
            else rows.filter(status=IntroductionStatus.REQUESTED)
        )
    elif box == "sent" and organisation_id:
        rows = rows.filter(requester__organisation_id=organisation_id)
    if status:
        rows = rows.filter(status=status)
    return rows


@dataclass
class FunnelRow:
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    def cells(self) -> list[tuple[int, int | None]]:
        """Each stage's count and its share (%) of the stage before."""
        out: list[tuple[int, int | None]] = []
        previous: int | None = None
        for stage in STAGES:
            value = self.counts.get(stage, 0)
            share = round(100 * value / previous) if previous else None
            out.append((value, share))
            previous = value
        return out


def _stage_counts(rows: QuerySet[Introduction], key: str) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {s: Counter() for s in STAGES[1:]}
    accepted = Q(status=IntroductionStatus.ACCEPTED)
    for row in rows.values(key).annotate(
        requested=Count("pk"),
        accepted=Count("pk", filter=accepted),
        met=Count("pk", filter=accepted & Q(met_on__isnull=False)),
        agreement=Count("pk", filter=accepted & Q(outcome__in=AGREEMENT_OUTCOMES)),
    ):
        for stage in STAGES[1:]:
            counts[stage][row[key] or ""] += row[stage]
    return counts


def funnel(by: str = "side") -> list[FunnelRow]:
    """Counts of each stage, in total and per side (of the company that asked) or per plan
    area. ``suggested`` counts the partner pairs in the latest suggestion lists."""
    if by == "plan_area":
        suggestion_key, introduction_key = "profile__plan_area__code", "plan_area__code"
    else:
        suggestion_key, introduction_key = "profile__country__code", "requester__country__code"
    suggested: Counter[str] = Counter()
    for row in Suggestion.objects.values(suggestion_key).annotate(n=Count("pk")):
        suggested[row[suggestion_key] or ""] += row["n"]
    stages = _stage_counts(Introduction.objects.all(), introduction_key)
    groups = sorted(set(suggested) | {g for c in stages.values() for g in c})
    total = FunnelRow("", {"suggested": sum(suggested.values())})
    total.counts.update({s: sum(stages[s].values()) for s in STAGES[1:]})
    rows = [total]
    for group in groups:
        row = FunnelRow(group, {"suggested": suggested[group]})
        row.counts.update({s: stages[s][group] for s in STAGES[1:]})
        rows.append(row)
    return rows
