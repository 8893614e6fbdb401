import pytest

from tandem.core.audit import save_with_actor
from tandem.core.feed import FeedRule, latest_changes_for
from tandem.core.models import Country, Organisation, User

pytestmark = pytest.mark.integration


def test_a_change_is_recorded_with_its_actor_and_utc_time(secretariat_jp: User) -> None:
    organisation = Organisation(
        name="Ministry of Economy, Trade and Industry",
        kind="ministry",
        side=Country.objects.get(code="JP"),
    )
    save_with_actor(organisation, secretariat_jp, reason="registered")
    organisation.name_ja = "経済産業省"
    save_with_actor(organisation, secretariat_jp, reason="Japanese name")
    records = list(organisation.history.order_by("history_date"))  # type: ignore[attr-defined]
    assert [record.history_type for record in records] == ["+", "~"]
    assert all(record.history_user == secretariat_jp for record in records)
    assert records[-1].history_date.utcoffset().total_seconds() == 0
    assert records[-1].name_ja == "経済産業省"
    assert records[-1].history_change_reason == "Japanese name"
    everything = FeedRule(lambda reader: Organisation.objects.all())
    latest = latest_changes_for(
        reader=secretariat_jp, rules={Organisation: everything}, limit=1, shows_actors=True
    )[0]
    assert latest.model == "core.organisation"
    assert latest.reason == "Japanese name"
    assert latest.user == str(secretariat_jp)
