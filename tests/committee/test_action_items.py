"""Action items: carry-over into the next session, overdue flags, reminders."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tandem.committee.models import ActionItem, CommitteeSession
from tandem.committee.selectors.sessions import carried_over_items, items_done_between
from tandem.committee.services.actions import (
    action_item_create,
    action_item_update,
    action_reminders_send,
)
from tandem.core.models import Country, Organisation, Person, User

pytestmark = pytest.mark.integration

HELD = dt.date(2019, 12, 19)
NEXT = dt.date(2021, 10, 14)


@pytest.fixture
def make_item(
    session_15: CommitteeSession, japan: Country, secretariat_jp: User
) -> Callable[..., ActionItem]:
    def make(title: str, due: dt.date, **fields: object) -> ActionItem:
        return action_item_create(
            session=session_15,
            titles={"en": title, "ja": f"{title}（日本語）", "ru": f"{title} (рус.)"},
            owner_side_id=japan.pk,
            due_date=due,
            actor=secretariat_jp,
            **fields,  # type: ignore[arg-type]
        )

    return make


def test_open_items_carry_over_into_the_next_session(
    make_item: Callable[..., ActionItem],
    make_session: Callable[..., CommitteeSession],
) -> None:
    session_16 = make_session(16, NEXT)
    still_open = make_item("Report on dispatches", dt.date(2020, 12, 1))
    in_progress = make_item("Nominate enterprises", dt.date(2022, 3, 1), status="in_progress")
    done_before = make_item(
        "Prepare training places", dt.date(2020, 6, 1), status="done", done_date=HELD.replace(2020)
    )
    done_after = make_item(
        "Seminar on waste", dt.date(2021, 9, 1), status="done", done_date=dt.date(2021, 11, 1)
    )
    carried = list(carried_over_items(session_16, NEXT))
    assert carried == [still_open, done_after, in_progress]  # by due date
    assert done_before not in carried
    overdue = [item for item in carried if item.due_date < NEXT]
    assert overdue == [still_open, done_after]
    assert list(items_done_between(session_16, HELD, NEXT)) == [done_before]


def test_items_of_the_session_itself_do_not_carry_into_it(
    make_item: Callable[..., ActionItem], session_15: CommitteeSession
) -> None:
    make_item("Report on dispatches", dt.date(2020, 12, 1))
    assert list(carried_over_items(session_15, NEXT)) == []


def test_marking_an_item_done_dates_it_and_reopening_clears_the_date(
    make_item: Callable[..., ActionItem], secretariat_jp: User
) -> None:
    item = make_item("Report on dispatches", dt.date(2020, 12, 1))
    action_item_update(item=item, status="done", actor=secretariat_jp)
    assert item.done_date == dt.date.today() and not item.is_overdue()
    action_item_update(item=item, status="open", actor=secretariat_jp)
    item.refresh_from_db()
    assert item.done_date is None and item.is_overdue()
    assert item.reference == "A15.1"


def test_an_organisation_of_the_other_side_cannot_own_an_item(
    make_item: Callable[..., ActionItem], russia: Country
) -> None:
    ministry = Organisation.objects.create(name="Ministry", kind="ministry", side=russia)
    with pytest.raises(ValidationError) as error:
        make_item("Report", dt.date(2020, 1, 1), owner_organisation_id=ministry.pk)
    assert "owner_organisation" in error.value.message_dict


def test_reminders_go_to_the_responsible_person_once_a_day(
    make_item: Callable[..., ActionItem], japan: Country
) -> None:
    person = Person.objects.create(name="Sato Hanako", side=japan, email="sato@example.jp")
    make_item("Report on dispatches", dt.date(2021, 3, 1), responsible_id=person.pk)
    make_item("Far in the future", dt.date(2030, 1, 1), responsible_id=person.pk)
    make_item("Nobody responsible", dt.date(2021, 3, 1))
    today = dt.date(2021, 3, 5)
    assert action_reminders_send(today=today) == 1
    assert mail.outbox[0].to == ["sato@example.jp"]
    # A person of the Japanese side with no account reads the reminder in Japanese.
    assert "A15.1" in mail.outbox[0].subject and "2021年3月1日" in mail.outbox[0].subject
    assert action_reminders_send(today=today) == 0
    assert action_reminders_send(today=today + dt.timedelta(days=1)) == 1
