import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tandem.core.actors import DEMO_ACTOR
from tandem.fairs.models import Fair, MeetingSlot
from tandem.fairs.services.setup import (
    day_slot_times,
    interpreter_add,
    meeting_day_add,
    participant_register,
)


@pytest.mark.unit
def test_day_slot_times_skip_the_lunch_break() -> None:
    slots = day_slot_times(
        dt.date(2019, 7, 9),
        first_start=dt.time(10),
        last_end=dt.time(15),
        length_minutes=45,
        breaks=[(dt.time(12, 30), dt.time(13, 30))],
        gap_minutes=15,
    )
    starts = [start.strftime("%H:%M") for start, _ in slots]
    assert starts == ["10:00", "11:00", "13:30"]
    assert all(end - start == dt.timedelta(minutes=45) for start, end in slots)


@pytest.mark.integration
def test_meeting_day_slots_are_stored_in_the_fairs_time_zone(default_programme: None) -> None:
    fair = Fair.objects.get(slug="innoprom-2019")
    assert fair.time_zone == "Asia/Yekaterinburg"
    slots = meeting_day_add(
        fair=fair,
        day=dt.date(2019, 7, 9),
        first_start=dt.time(10),
        last_end=dt.time(11),
        length_minutes=30,
        actor=DEMO_ACTOR,
    )
    assert [s.start.astimezone(dt.UTC).hour for s in slots] == [5, 5]  # UTC+5
    assert MeetingSlot.objects.filter(fair=fair).count() == 2


@pytest.mark.integration
def test_meeting_day_outside_the_fair_is_refused(default_programme: None) -> None:
    fair = Fair.objects.get(slug="innoprom-2019")
    with pytest.raises(ValidationError, match="not a day of the fair"):
        meeting_day_add(
            fair=fair,
            day=dt.date(2019, 8, 1),
            first_start=dt.time(10),
            last_end=dt.time(12),
            length_minutes=30,
            actor=DEMO_ACTOR,
        )


@pytest.mark.integration
def test_overlapping_meeting_day_is_refused(default_programme: None) -> None:
    fair = Fair.objects.get(slug="innoprom-2019")
    day = dt.date(2019, 7, 9)
    meeting_day_add(
        fair=fair,
        day=day,
        first_start=dt.time(10),
        last_end=dt.time(12),
        length_minutes=30,
        actor=DEMO_ACTOR,
    )
    with pytest.raises(ValidationError, match="overlaps"):
        meeting_day_add(
            fair=fair,
            day=day,
            first_start=dt.time(11),
            last_end=dt.time(13),
            length_minutes=30,
            actor=DEMO_ACTOR,
        )


@pytest.mark.integration
def test_exhibitor_without_booth_is_refused(default_programme: None) -> None:
    fair = Fair.objects.get(slug="innoprom-2019")
    with pytest.raises(ValidationError):
        participant_register(
            fair=fair, name="Nameless", side=fair.country, is_exhibitor=True, actor=DEMO_ACTOR
        )


@pytest.mark.integration
def test_interpreter_with_one_language_is_refused(default_programme: None) -> None:
    fair = Fair.objects.get(slug="innoprom-2019")
    with pytest.raises(ValidationError):
        interpreter_add(fair=fair, name="Solo", languages=["ja"], actor=DEMO_ACTOR)
