from typing import Any

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


def test_the_pack_carries_the_matchmaking_funnel_once_there_are_introductions(
    demo_committee: dict[str, int], secretariat_jp: User, settings: Any
) -> None:
    from tandem.core.actors import DEMO_ACTOR
    from tandem.matchmaking.services.demo import demo_market_create

    settings.MATCHMAKING_EMBEDDER = "tandem.core.embedding.testing.HashingEmbedder"
    session = CommitteeSession.objects.get(number=16)
    before = render_briefing(session, secretariat_jp, language="en", file_format="html")
    assert "SME matchmaking" not in before.decode()
    demo_market_create(seed=2019, actor=DEMO_ACTOR)
    html = render_briefing(session, secretariat_jp, language="en", file_format="html").decode()
    assert "SME matchmaking" in html
    assert "Agreement" in html
