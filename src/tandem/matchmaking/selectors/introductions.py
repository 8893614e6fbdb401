"""Reads on introductions: the inbox of a user and the funnel from suggestion to agreement."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from tandem.core.enums import Role
from tandem.core.permissions import check
from tandem.matchmaking.enums import AGREEMENT_OUTCOMES, IntroductionStatus
from tandem.matchmaking.models import Introduction, Suggestion

STAGES = ("suggested", "requested", "accepted", "met", "agreement")
SUGGESTED_PAIR = "requested_from_suggestions"


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


# The base of each stage's share: every stage is a part of its base, so no share passes 100%.
# An outcome can be recorded without a meeting date, so an agreement is a share of the
# accepted introductions, not of those with a meeting.
SHARE_BASE = {"accepted": "requested", "met": "accepted", "agreement": "accepted"}


@dataclass
class FunnelRow:
    label: str
    counts: dict[str, int] = field(default_factory=dict)
    #: Requested introductions whose pair was in the asking company's suggestion list: the
    #: part of "requested" that is a share of "suggested" (companies may ask without one).
    requested_from_suggestions: int = 0

    def share(self, stage: str) -> int | None:
        """The stage's share (%) of its base, or ``None`` when the base is empty."""
        if stage == "requested":
            part, base = self.requested_from_suggestions, self.counts.get("suggested", 0)
        elif stage in SHARE_BASE:
            part, base = self.counts.get(stage, 0), self.counts.get(SHARE_BASE[stage], 0)
        else:
            return None
        return round(100 * part / base) if base else None

    def cells(self) -> list[tuple[int, int | None]]:
        """Each stage's count and its share (%) of its base."""
        return [(self.counts.get(stage, 0), self.share(stage)) for stage in STAGES]


def _stage_counts(rows: QuerySet[Introduction], key: str) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {s: Counter() for s in (*STAGES[1:], SUGGESTED_PAIR)}
    accepted = Q(status=IntroductionStatus.ACCEPTED)
    was_suggested = Exists(
        Suggestion.objects.filter(profile=OuterRef("requester"), candidate=OuterRef("recipient"))
    )
    for row in rows.values(key).annotate(
        requested=Count("pk"),
        accepted=Count("pk", filter=accepted),
        met=Count("pk", filter=accepted & Q(met_on__isnull=False)),
        agreement=Count("pk", filter=accepted & Q(outcome__in=AGREEMENT_OUTCOMES)),
        **{SUGGESTED_PAIR: Count("pk", filter=Q(was_suggested))},
    ):
        for stage in counts:
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
    total = FunnelRow(
        "",
        {"suggested": sum(suggested.values())},
        sum(stages[SUGGESTED_PAIR].values()),
    )
    total.counts.update({s: sum(stages[s].values()) for s in STAGES[1:]})
    rows = [total]
    for group in groups:
        row = FunnelRow(group, {"suggested": suggested[group]}, stages[SUGGESTED_PAIR][group])
        row.counts.update({s: stages[s][group] for s in STAGES[1:]})
        rows.append(row)
    return rows


@dataclass(frozen=True)
class ProjectOrigin:
    """An introduction whose outcome was the joint project, as one reader may see it."""

    introduction: Introduction
    #: The reader may open the introduction itself (its messages, contacts and outcome note).
    can_open: bool


def project_origins(project_id: int, user: Any) -> list[ProjectOrigin]:
    """The introductions that created the joint project: for readers of the funnel (who see
    what came of matchmaking) and for those who may see the introduction itself."""
    rows = Introduction.objects.filter(joint_project_id=project_id).select_related(
        "requester", "recipient"
    )
    sees_outcomes = check(user, "matchmaking.view_funnel")
    origins = []
    for row in rows.order_by("met_on", "pk"):
        can_open = check(user, "matchmaking.view_introduction", row)
        if can_open or sees_outcomes:
            origins.append(ProjectOrigin(row, can_open))
    return origins
