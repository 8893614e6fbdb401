import pytest

from tandem.committee.exporters.briefing import render_briefing
from tandem.committee.models import CommitteeSession
from tandem.core.models import User
from tandem.exchange.services.demo import demo_exchange_create

pytestmark = pytest.mark.integration


def test_the_pack_carries_the_productivity_exchange_figures(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    session = CommitteeSession.objects.get(number=16)
    without = render_briefing(session, secretariat_jp, language="en", file_format="html").decode()
    assert "Productivity exchange" not in without
    demo_exchange_create(seed=2019)
    html = render_briefing(session, secretariat_jp, language="en", file_format="html").decode()
    assert "Productivity exchange" in html
    assert "Labour productivity" in html
    assert "95% interval" in html
