"""Writes on introductions: request, accept or decline, record the meeting and the outcome."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.enums import Role
from tandem.core.history_reasons import history_reason
from tandem.matchmaking.enums import IntroductionStatus, MeetingVenue, Outcome, ProfileState
from tandem.matchmaking.models import CompanyProfile, Introduction, Suggestion
from tandem.projects.models import JointProject


def _locked(introduction: Introduction) -> Introduction:
    return (
        Introduction.objects.select_for_update()
        .select_related("requester", "recipient")
        .get(pk=introduction.pk)
    )


@transaction.atomic
def introduction_request(
    *, requester: CompanyProfile, recipient: CompanyProfile, actor: Actor, message: str = ""
) -> Introduction:
    """Ask ``recipient`` to meet ``requester``; a company asks only for itself."""
    person = actor_user(actor)
    if (
        person is not None
        and person.role == Role.COMPANY_REPRESENTATIVE
        and requester.organisation_id != person.organisation_id
    ):
        raise ValidationError(_("A company asks for introductions for itself only."))
    if not recipient.is_listed:
        raise ValidationError(_("That company's profile is not published for matchmaking."))
    if requester.state == ProfileState.EXPIRED:
        raise ValidationError(_("The requesting company's profile has expired."))
    existing = Introduction.objects.filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester)
    ).first()
    if existing is not None:
        raise ValidationError(
            _("These two companies already have an introduction (%(status)s).")
            % {"status": existing.get_status_display()}
        )
    suggestion = Suggestion.objects.filter(profile=requester, candidate=recipient).first()
    introduction = Introduction(
        requester=requester,
        recipient=recipient,
        requested_by=actor_user(actor),
        plan_area_id=requester.plan_area_id or recipient.plan_area_id,
        message=message.strip(),
        score=suggestion.score if suggestion else None,
        reasons=suggestion.reasons if suggestion else [],
        is_illustrative=requester.is_illustrative or recipient.is_illustrative,
    )
    return save_with_actor(introduction, actor)


@transaction.atomic
def introduction_respond(
    *, introduction: Introduction, accept: bool, actor: Actor, reason: str = ""
) -> Introduction:
    """The company asked accepts, or declines with a reason."""
    locked = _locked(introduction)
    if locked.status != IntroductionStatus.REQUESTED:
        raise ValidationError(
            _("This introduction was already answered (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    if not accept and not reason.strip():
        raise ValidationError({"decline_reason": _("Say why the introduction is declined.")})
    locked.status = IntroductionStatus.ACCEPTED if accept else IntroductionStatus.DECLINED
    locked.decline_reason = "" if accept else reason.strip()
    locked.responded_by = actor_user(actor)
    locked.responded_at = timezone.now()
    return save_with_actor(locked, actor, reason=history_reason("answered", status=locked.status))


def _require_accepted(introduction: Introduction) -> None:
    if introduction.status != IntroductionStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted introduction leads to a meeting and an outcome."))


@transaction.atomic
def introduction_record_meeting(
    *, introduction: Introduction, met_on: dt.date, venue: str, place: str = "", actor: Actor
) -> Introduction:
    locked = _locked(introduction)
    _require_accepted(locked)
    if met_on > timezone.localdate():
        raise ValidationError({"met_on": _("A meeting is recorded once it has taken place.")})
    if venue == MeetingVenue.FAIR and not place.strip():
        raise ValidationError({"place": _("Name the fair.")})
    locked.met_on, locked.venue, locked.place = met_on, venue, place.strip()
    return save_with_actor(locked, actor, reason="meeting recorded")


@transaction.atomic
def introduction_record_outcome(
    *,
    introduction: Introduction,
    outcome: str,
    actor: Actor,
    note: str = "",
    joint_project: JointProject | None = None,
) -> Introduction:
    """What came of it; a joint project created is linked to the registry."""
    locked = _locked(introduction)
    _require_accepted(locked)
    if outcome == Outcome.PENDING:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    locked.outcome, locked.outcome_note = outcome, note.strip()
    locked.joint_project = joint_project if outcome == Outcome.JOINT_PROJECT else None
    return save_with_actor(locked, actor, reason=history_reason("outcome", outcome=outcome))
