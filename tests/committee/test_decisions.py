"""Decisions: numbered per session, texts in three languages, publication by both sides."""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tandem.committee.models import CommitteeSession, Decision
from tandem.committee.selectors.sessions import public_decisions
from tandem.committee.services.decisions import decision_create, decision_mark_public
from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import Country, User

pytestmark = pytest.mark.integration

TEXTS = {
    "ja": "委員会は、専門家の派遣を歓迎する。",
    "ru": "Комиссия приветствует направление специалистов.",
    "en": "The Committee welcomes the dispatch of specialists.",
}
CHECKED = {"ja": "checked", "ru": "checked", "en": "draft"}


def test_decision_in_three_languages_reads_in_each_language(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    decision = decision_create(
        session=session_15,
        texts=TEXTS,
        authentic=["ja", "ru"],
        translation=CHECKED,
        actor=secretariat_jp,
    )
    stored = Decision.objects.get(pk=decision.pk)
    assert stored.number == 1
    for language, text in TEXTS.items():
        with translation.override(language):
            assert stored.text == text
        assert stored.text_in(language) == text
    assert [lang for lang in ("ja", "ru", "en") if stored.is_authentic(lang)] == ["ja", "ru"]
    assert stored.translation_status("en") == "draft"
    assert stored.history.first().history_user == secretariat_jp  # type: ignore[attr-defined]


def test_decisions_are_numbered_per_session(
    session_15: CommitteeSession,
    make_session: Callable[..., CommitteeSession],
    secretariat_jp: User,
) -> None:
    import datetime as dt

    other = make_session(16, dt.date(2021, 10, 14))
    numbers = [
        decision_create(
            session=session, texts=TEXTS, authentic=["ja"], translation=CHECKED, actor=DEMO_ACTOR
        ).number
        for session in (session_15, session_15, other)
    ]
    assert numbers == [1, 2, 1]


def test_decision_without_authentic_text_is_refused(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    with pytest.raises(ValidationError) as error:
        decision_create(
            session=session_15,
            texts={"en": TEXTS["en"]},
            authentic=["ja"],
            translation={"en": "draft"},
            actor=secretariat_jp,
        )
    assert "text_ja" in error.value.message_dict
    assert not Decision.objects.exists()


def test_decision_translation_status_must_match_the_text(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    with pytest.raises(ValidationError) as error:
        decision_create(
            session=session_15,
            texts={"ja": TEXTS["ja"], "ru": TEXTS["ru"]},
            authentic=["ja", "ru"],
            translation={"ja": "checked", "ru": "checked", "en": "checked"},
            actor=secretariat_jp,
        )
    assert "translation_en" in error.value.message_dict


def test_decision_is_public_only_when_both_sides_mark_it(
    session_15: CommitteeSession, secretariat_jp: User, secretariat_ru: User
) -> None:
    decision = decision_create(
        session=session_15,
        texts=TEXTS,
        authentic=["ja", "ru"],
        translation=CHECKED,
        actor=DEMO_ACTOR,
    )
    japan, russia = Country.objects.get(code="JP"), Country.objects.get(code="RU")
    decision_mark_public(decision=decision, side_id=japan.pk, public=True, actor=secretariat_jp)
    assert not decision.is_public and list(public_decisions()) == []
    decision_mark_public(decision=decision, side_id=russia.pk, public=True, actor=secretariat_ru)
    assert decision.is_public and list(public_decisions()) == [decision]
    decision_mark_public(decision=decision, side_id=japan.pk, public=False, actor=secretariat_jp)
    decision.refresh_from_db()
    assert not decision.is_public
