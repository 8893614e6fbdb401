"""Writes of decisions: the texts in three languages and each side's mark for publication."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from tandem.committee.models import DECISION_LANGUAGES, CommitteeSession, Decision
from tandem.committee.models.decision import DecisionPublicMark
from tandem.committee.services.project_links import project_links_set
from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor, with_actor
from tandem.core.generations import generation_bump
from tandem.core.history import delete_rows
from tandem.programme.models import Programme

#: The generation of the committee's records that pages cached for the public follow (the
#: open-data portal): bumped by every write of a decision, in its transaction.
DECISIONS_GENERATION = "committee"


def _apply(
    decision: Decision,
    texts: dict[str, str],
    authentic: Sequence[str],
    translation: dict[str, str],
) -> None:
    for language in DECISION_LANGUAGES:
        setattr(decision, f"text_{language}", texts.get(language, ""))
        setattr(decision, f"authentic_{language}", language in authentic)
        setattr(decision, f"translation_{language}", translation.get(language, "missing"))


@transaction.atomic
def decision_create(
    *,
    session: CommitteeSession,
    texts: dict[str, str],
    authentic: Sequence[str],
    translation: dict[str, str],
    actor: Actor,
    agenda_item_id: int | None = None,
    project_ids: Sequence[int] = (),
    number: int | None = None,
    is_illustrative: bool = False,
) -> Decision:
    top = session.decisions.aggregate(top=Max("number"))["top"]
    decision = Decision(
        session=session,
        number=number or int(top or 0) + 1,
        agenda_item_id=agenda_item_id,
        is_illustrative=is_illustrative,
    )
    _apply(decision, texts, authentic, translation)
    save_with_actor(decision, actor)
    project_links_set(decision.projects, project_ids, actor=actor)
    generation_bump(DECISIONS_GENERATION)
    return decision


@transaction.atomic
def decision_update(
    *,
    decision: Decision,
    texts: dict[str, str],
    authentic: Sequence[str],
    translation: dict[str, str],
    actor: Actor,
    agenda_item_id: int | None = None,
    project_ids: Sequence[int] | None = None,
) -> Decision:
    _apply(decision, texts, authentic, translation)
    decision.agenda_item_id = agenda_item_id
    save_with_actor(decision, actor)
    if project_ids is not None:
        project_links_set(decision.projects, project_ids, actor=actor)
    generation_bump(DECISIONS_GENERATION)
    return decision


@transaction.atomic
def decision_mark_public(
    *, decision: Decision, side_id: int, public: bool, actor: Actor
) -> Decision:
    """One side marks (or unmarks) a decision public; it is public when both sides have."""
    marks = DecisionPublicMark.objects.filter(decision=decision, side_id=side_id)
    if public and not marks.exists():
        mark = DecisionPublicMark(decision=decision, side_id=side_id, marked_by=actor_user(actor))
        with_actor(mark, actor).save()  # marked_by is empty when the system marks
    elif not public:
        delete_rows(list(marks), actor=actor, reason="unmarked public")
    programme = Programme.objects.get(committees__sessions__decisions=decision)
    sides = {programme.plan_side_id, programme.partner_side_id}
    marked = set(decision.public_marks.values_list("side_id", flat=True))
    is_public = sides <= marked
    if decision.is_public != is_public:
        decision.is_public = is_public
        save_with_actor(decision, actor, reason="published" if is_public else "unpublished")
    generation_bump(DECISIONS_GENERATION)
    return decision
