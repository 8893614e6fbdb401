import pytest

from tandem.core.actors import DEMO_ACTOR
from tandem.core.services.demo import demo_data_create
from tandem.fairs.demo import generate_programme
from tandem.fairs.enums import VersionStatus
from tandem.fairs.models import FairParticipant, MeetingRequest, ScheduledMeeting
from tandem.fairs.services.demo import demo_fair_create


@pytest.mark.unit
def test_demo_programme_is_deterministic_and_crosses_the_sides() -> None:
    first, second = generate_programme(7), generate_programme(7)
    assert first == second
    assert first != generate_programme(8)
    sides = [p.side for p in first.participants]
    assert all(sides[r.sender] != sides[r.receiver] for r in first.requests)
    pairs = {frozenset((r.sender, r.receiver)) for r in first.requests}
    assert len(pairs) == len(first.requests)


@pytest.mark.unit
def test_demo_popularity_is_heavy_tailed() -> None:
    programme = generate_programme(2019)
    received: dict[int, int] = {}
    for r in programme.requests:
        received[r.receiver] = received.get(r.receiver, 0) + 1
    counts = sorted(received.values(), reverse=True)
    top_tenth = sum(counts[: max(1, len(programme.participants) // 10)])
    assert top_tenth > 0.25 * len(programme.requests)


@pytest.mark.integration
def test_demo_fair_is_illustrative_and_published(default_programme: None) -> None:
    demo_data_create(seed=1, organisations=120, people=0, actor=DEMO_ACTOR)
    version = demo_fair_create(seed=3, time_limit=3, actor=DEMO_ACTOR)
    assert version is not None and version.status == VersionStatus.PUBLISHED
    assert version.is_illustrative and not version.fair.is_illustrative
    assert not FairParticipant.objects.filter(is_illustrative=False).exists()
    assert not MeetingRequest.objects.filter(is_illustrative=False).exists()
    meetings = ScheduledMeeting.objects.filter(version=version).count()
    assert meetings > 50
    assert version.bound is not None and version.objective >= 0.99 * version.bound
    assert version.baseline is not None and version.objective >= version.baseline
    assert demo_fair_create(seed=3, time_limit=3, actor=DEMO_ACTOR) is None  # idempotent
