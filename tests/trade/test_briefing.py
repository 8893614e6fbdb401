"""The trade section of the committee's briefing pack, in three languages."""

import pytest

from tandem.committee.exporters.briefing import render_briefing
from tandem.committee.models import CommitteeSession
from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.services.demo import demo_projects_create
from tandem.trade.services.demo import demo_trade_create

pytestmark = pytest.mark.integration

HEADINGS = {"en": "Trade and diversification", "ja": "", "ru": ""}


def test_the_pack_carries_the_trade_section_in_three_languages(
    default_programme: None, secretariat_jp: User
) -> None:
    demo_data_create(seed=7, organisations=10, people=4, actor=DEMO_ACTOR)
    demo_projects_create(seed=7, count=20, actor=DEMO_ACTOR)
    committee_demo_create(seed=2019, actor=DEMO_ACTOR)
    session = CommitteeSession.objects.get(number=16)
    before = render_briefing(session, secretariat_jp, language="en", file_format="html").decode()
    assert "Trade and diversification" not in before
    demo_trade_create(seed=2019, actor=DEMO_ACTOR)
    for language in ("en", "ja", "ru"):
        html = render_briefing(
            session, secretariat_jp, language=language, file_format="html"
        ).decode()
        section = html.split("Chapters for 90%", 1)[0] if language == "en" else html
        assert "HHI" in html
        assert "<svg" in html
        assert "2020" in html
        assert 'class="badge"' in html
        if language == "en":
            assert "Trade and diversification" in section
            assert "Exports reported by RU" in html
