"""Writes the illustrative committee records of :mod:`tandem.committee.demo`.

The 15th session is the loaded fact; its agenda, decisions and action items are made up and
flagged. The 16th session is made up and flagged as a whole, with the draft agenda that
:func:`agenda_apply_proposal` proposes from what happened since the 15th.
"""

from __future__ import annotations

from django.db import transaction

from tandem.committee.demo import SESSION_16, generate_committee_demo
from tandem.committee.enums import SessionStatus
from tandem.committee.models import CommitteeSession, SessionCoChair
from tandem.committee.services.actions import action_item_create
from tandem.committee.services.agenda import agenda_apply_proposal, agenda_item_create
from tandem.committee.services.decisions import decision_create
from tandem.committee.services.reporting import status_changes_report
from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Country, Organisation, Person
from tandem.programme.models import PlanArea
from tandem.projects.models import JointProject


def _texts(values: tuple[str, str, str]) -> dict[str, str]:
    return dict(zip(LANGUAGES, values, strict=True))


def _fill_session_15(session: CommitteeSession, seed: int, actor: Actor) -> None:
    demo = generate_committee_demo(seed, held=session.start_date)
    areas = {area.code: area.pk for area in PlanArea.objects.all()}
    projects = list(
        JointProject.objects.filter(is_illustrative=True, status_date__lte=session.end_date)
        .order_by("code")
        .values_list("pk", flat=True)
    )
    countries = {country.code: country for country in Country.objects.all()}
    agenda = {}
    for number, (area, titles) in enumerate(demo.agenda, start=1):
        agenda[number] = agenda_item_create(
            session=session,
            titles=_texts(titles),
            actor=actor,
            plan_area_id=areas.get(area) if area else None,
            is_illustrative=True,
        )
    decisions = []
    for agenda_number, texts, picks in demo.decisions:
        decisions.append(
            decision_create(
                session=session,
                texts={"en": texts[0], "ja": texts[1], "ru": texts[2]},
                authentic=["ja", "ru"],
                translation={"ja": "checked", "ru": "checked", "en": "draft"},
                actor=actor,
                agenda_item_id=agenda[agenda_number].pk,
                project_ids=[projects[p % len(projects)] for p in picks] if projects else [],
                is_illustrative=True,
            )
        )
    for action in demo.actions:
        side = countries[action.side]
        organisations = list(
            Organisation.objects.filter(side=side, kind="ministry").order_by("pk")
        ) or list(Organisation.objects.filter(side=side).order_by("pk"))
        action_item_create(
            session=session,
            titles=_texts(action.titles),
            owner_side_id=side.pk,
            owner_organisation_id=organisations[action.organisation_pick % len(organisations)].pk
            if organisations
            else None,
            due_date=action.due_date,
            status=action.status,
            done_date=action.done_date,
            decision_id=decisions[action.decision - 1].pk,
            project_ids=[projects[action.project_pick % len(projects)]] if projects else [],
            actor=actor,
            is_illustrative=True,
        )


def _plan_session_16(previous: CommitteeSession, actor: Actor) -> CommitteeSession:
    data = SESSION_16
    country = Country.objects.get(code=data["country"])
    session = CommitteeSession(
        committee=previous.committee,
        number=data["number"],
        start_date=data["start_date"],
        end_date=data["end_date"],
        country=country,
        status=SessionStatus.PLANNED,
        is_illustrative=True,
        city=data["city"][0],
    )
    for language, city in zip(LANGUAGES, data["city"], strict=True):
        setattr(session, f"city_{language}", city)
    save_with_actor(session, actor)
    previous_chairs = {c.side.code: c for c in previous.co_chairs.select_related("side", "person")}
    for side_code, (key, details) in data["co_chairs"].items():
        side = Country.objects.get(code=side_code)
        if details is None:
            person, titles = previous_chairs[side_code].person, None
        else:
            names, titles = details
            person = Person.objects.filter(reference=f"demo:{key}").first() or Person(
                reference=f"demo:{key}", side=side, is_illustrative=True
            )
            for language, name, position in zip(LANGUAGES, names, titles, strict=True):
                setattr(person, f"name_{language}", name)
                setattr(person, f"position_{language}", position)
            person.name, person.position = names[0], titles[0]
            save_with_actor(person, actor)
        chair = SessionCoChair(session=session, person=person, side=side)
        for language in LANGUAGES:
            title = (
                titles[LANGUAGES.index(language)]
                if titles
                else getattr(previous_chairs[side_code], f"title_{language}")
            )
            setattr(chair, f"title_{language}", title)
        chair.title = chair.title_en  # type: ignore[attr-defined]
        save_with_actor(chair, actor)
    agenda_item_create(
        session=session, titles=_texts(data["opening"]), actor=actor, is_illustrative=True
    )
    agenda_apply_proposal(session=session, actor=actor)
    return session


@transaction.atomic
def committee_demo_create(*, seed: int = 2019, actor: Actor) -> dict[str, int]:
    """Add the illustrative records that are missing; safe to run again."""
    session_15 = CommitteeSession.objects.select_related("committee").get(number=15)
    created = {"agenda items": 0, "decisions": 0, "action items": 0, "sessions": 0}
    if not session_15.agenda_items.exists():
        _fill_session_15(session_15, seed, actor)
        created["agenda items"] += session_15.agenda_items.count()
        created["decisions"] = session_15.decisions.count()
        created["action items"] = session_15.action_items.count()
    if not CommitteeSession.objects.filter(
        committee=session_15.committee, number=SESSION_16["number"]
    ).exists():
        session_16 = _plan_session_16(session_15, actor)
        created["sessions"] = 1
        created["agenda items"] += session_16.agenda_items.count()
    created["status changes reported"] = sum(
        status_changes_report(session=session, actor=actor)
        for session in CommitteeSession.objects.filter(committee=session_15.committee).order_by(
            "number"
        )
    )
    return created
