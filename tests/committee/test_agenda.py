"""The agenda: the next session's draft proposed from what happened, edited by the secretariat."""

import datetime as dt
from collections.abc import Callable

import pytest

from tandem.committee.models import AgendaItem, CommitteeSession
from tandem.committee.selectors.agenda import propose_agenda
from tandem.committee.selectors.portfolio import compare_sessions
from tandem.committee.services.agenda import (
    agenda_apply_proposal,
    agenda_item_create,
    agenda_item_delete,
)
from tandem.core.models import User
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration


def test_demo_plans_session_16_with_a_drafted_agenda(demo_committee: dict[str, int]) -> None:
    session = CommitteeSession.objects.get(number=16)
    assert session.is_illustrative and session.status == "planned"
    assert not CommitteeSession.objects.get(number=15).is_illustrative
    items = list(session.agenda_items.order_by("number"))
    assert [item.number for item in items] == list(range(1, len(items) + 1))
    assert items[0].source == "manual"
    assert all(item.is_illustrative for item in items)
    sources = {item.source for item in items}
    assert {"action_item", "changed_project", "stalled_project"} <= sources


def test_proposal_has_one_item_per_open_action_item_and_groups_projects_by_area(
    demo_committee: dict[str, int],
) -> None:
    session = CommitteeSession.objects.get(number=16)
    proposals = propose_agenda(session)
    open_items = CommitteeSession.objects.get(number=15).action_items.filter(
        status__in=["open", "in_progress"]
    )
    follow_ups = [p for p in proposals if p.source == "action_item"]
    assert sorted(p.action_item_ids[0] for p in follow_ups) == sorted(i.pk for i in open_items)
    assert all(p.titles["ja"] and p.titles["ru"] and p.titles["en"] for p in proposals)
    _previous, comparison = compare_sessions(session)
    # The draft is shared by both sides: side-confidential projects stay out of it.
    confidential = set(
        JointProject.objects.filter(disclosure="side_confidential").values_list("pk", flat=True)
    )
    assert confidential, "the demo has side-confidential projects"

    def shared(ids: list[int]) -> list[int]:
        return sorted(pid for pid in ids if pid not in confidential)

    stalled = [pid for p in proposals if p.source == "stalled_project" for pid in p.project_ids]
    assert sorted(stalled) == shared(comparison.stalled)
    changed = [pid for p in proposals if p.source == "changed_project" for pid in p.project_ids]
    assert sorted(changed) == shared(comparison.new + comparison.advanced + comparison.completed)
    assert not confidential & set(stalled + changed)


def test_applying_the_proposal_twice_adds_nothing_the_second_time(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    session = CommitteeSession.objects.get(number=16)
    before = session.agenda_items.count()
    assert agenda_apply_proposal(session=session, actor=secretariat_jp) == []
    assert session.agenda_items.count() == before


def test_deleting_an_agenda_item_renumbers_the_ones_after_it(
    make_session: Callable[..., CommitteeSession], secretariat_jp: User
) -> None:
    session = make_session(16, dt.date(2021, 10, 14))
    items = [
        agenda_item_create(session=session, titles={"en": title}, actor=secretariat_jp)
        for title in ("Opening", "Energy", "Far East", "Closing")
    ]
    agenda_item_delete(item=items[1], actor=secretariat_jp)
    rows = list(AgendaItem.objects.filter(session=session).values_list("number", "title_en"))
    assert rows == [(1, "Opening"), (2, "Far East"), (3, "Closing")]
