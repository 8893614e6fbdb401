"""Decide a proposal: approving creates the record it proposes (a person, an organisation, a
committee session) and links the articles' mentions to it; rejecting changes nothing but the
proposal. A figure that disagrees with the registry is acknowledged: its approval changes no
count, for the registry's counts come from its project records."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tandem.committee.enums import SessionStatus
from tandem.committee.models import Committee, CommitteeSession
from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.enums import OrganisationKind
from tandem.core.history_reasons import history_reason
from tandem.core.models import Country, Organisation, Person
from tandem.press.enums import MentionKind, ProposalKind, ProposalStatus
from tandem.press.models import Mention, Proposal


def _pending(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError("This proposal has already been decided.")


def _side(code: str | None) -> Country:
    country = Country.objects.filter(code=code or "").first()
    if country is None:
        raise ValidationError("Say which side the new record belongs to.")
    return country


@transaction.atomic
def proposal_approve(
    *, proposal: Proposal, actor: Actor, side: str | None = None, note: str = ""
) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _pending(proposal)
    payload = proposal.payload
    language = payload.get("language") or "en"
    result = ""
    if proposal.kind == ProposalKind.PERSON:
        person = Person(
            name=payload["name"],
            position=payload.get("role") or "",
            side=_side(side or payload.get("country")),
        )
        setattr(person, f"name_{language}", payload["name"])
        if payload.get("role"):
            setattr(person, f"position_{language}", payload["role"])
        save_with_actor(
            person, actor, reason=history_reason("from press article", article=proposal.article_id)
        )
        Mention.objects.filter(
            kind=MentionKind.PERSON, name__iexact=payload["name"], person__isnull=True
        ).update(person=person, key=f"person:{person.pk}")
        result = f"person:{person.pk}"
    elif proposal.kind == ProposalKind.ORGANISATION:
        organisation = Organisation(
            name=payload["name"], kind=OrganisationKind.OTHER, side=_side(side)
        )
        setattr(organisation, f"name_{language}", payload["name"])
        save_with_actor(
            organisation,
            actor,
            reason=history_reason("from press article", article=proposal.article_id),
        )
        Mention.objects.filter(
            kind=MentionKind.ORGANISATION,
            name__iexact=payload["name"],
            organisation__isnull=True,
        ).update(organisation=organisation, key=f"organisation:{organisation.pk}")
        result = f"organisation:{organisation.pk}"
    elif proposal.kind == ProposalKind.SESSION:
        if not payload.get("date"):
            raise ValidationError("The article gives no date for this session.")
        committee = Committee.objects.order_by("id").first()
        if committee is None:
            raise ValidationError("There is no committee to add a session to.")
        day = dt.date.fromisoformat(payload["date"])
        session = CommitteeSession(
            committee=committee,
            number=payload["number"],
            start_date=day,
            end_date=day,
            city=payload.get("place") or "",
            country=_side(side),
            status=SessionStatus.PLANNED if day > timezone.localdate() else SessionStatus.HELD,
        )
        save_with_actor(
            session, actor, reason=history_reason("from press article", article=proposal.article_id)
        )
        Mention.objects.filter(
            kind=MentionKind.EVENT, detail__number=payload["number"], session__isnull=True
        ).update(session=session)
        result = f"session:{session.pk}"
    proposal.status = ProposalStatus.APPROVED
    proposal.decided_by = actor_user(actor)
    proposal.decided_at = timezone.now()
    proposal.note = note
    proposal.result = result
    return save_with_actor(proposal, actor)


@transaction.atomic
def proposal_reject(*, proposal: Proposal, actor: Actor, note: str = "") -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _pending(proposal)
    proposal.status = ProposalStatus.REJECTED
    proposal.decided_by = actor_user(actor)
    proposal.decided_at = timezone.now()
    proposal.note = note
    return save_with_actor(proposal, actor)
