"""Fair pages, agendas, mails and calendars name companies in the reader's language: the
organisation's translated name, not the English name given at registration ("Kiso Robotics"
on Japanese pages before)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import translation

from tandem.core.models import User
from tandem.fairs.models import FairParticipant

from .conftest import SmallFair

pytestmark = pytest.mark.integration


def _translate(participant: FairParticipant, ja: str, ru: str) -> None:
    organisation = participant.organisation
    assert organisation is not None
    # All three names set: the fixture's organisation may have been made under another active
    # language (an earlier test's), which leaves name_en empty and the fallback Japanese.
    organisation.name_en, organisation.name_ja, organisation.name_ru = participant.name, ja, ru
    organisation.save()


def test_a_participant_is_named_in_the_reader_language(small_fair: SmallFair) -> None:
    _translate(small_fair.jp[0], "神戸バルブ", "Кобе Вэлвз")
    participant = FairParticipant.objects.select_related("organisation").get(pk=small_fair.jp[0].pk)
    shown = {}
    for language in ("en", "ja", "ru"):
        with translation.override(language):
            shown[language] = participant.display_name
            assert str(participant) == shown[language]
    assert shown == {"en": "Kobe Valves", "ja": "神戸バルブ", "ru": "Кобе Вэлвз"}
    assert participant.name == "Kobe Valves"  # the registered name stays, for the scheduler


def test_without_a_translation_the_given_name_is_shown(small_fair: SmallFair) -> None:
    with translation.override("ja"):
        assert small_fair.ru[0].display_name == "Ural Machines"


def test_the_requests_page_in_japanese_names_the_companies_in_japanese(
    client: Client,
    small_fair: SmallFair,
    organiser: User,
    accept_request: Callable[..., object],
) -> None:
    _translate(small_fair.jp[1], "大阪センサー", "Осака Сенсорс")
    _translate(small_fair.ru[0], "ウラル機械", "Уральские машины")
    accept_request(small_fair.jp[1], small_fair.ru[0])
    organiser.language = "ja"
    organiser.save()
    client.force_login(organiser)
    page = client.get("/fairs/innoprom-2019/requests/").content.decode()
    assert "大阪センサー" in page and "ウラル機械" in page
    assert "Osaka Sensors" not in page and "Ural Machines" not in page
    organiser.language = "ru"
    organiser.save()
    page = client.get("/fairs/innoprom-2019/requests/").content.decode()
    assert "Осака Сенсорс" in page and "Уральские машины" in page
