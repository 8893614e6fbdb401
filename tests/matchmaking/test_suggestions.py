from collections.abc import Callable

import pytest

from tandem.core.models import User
from tandem.matchmaking.models import CompanyProfile, Suggestion
from tandem.matchmaking.selectors.suggestions import phrase_in, shown_suggestions
from tandem.matchmaking.services.suggestions import suggestions_refresh

pytestmark = pytest.mark.integration


@pytest.fixture
def market(make_profile: Callable[..., CompanyProfile]) -> dict[str, CompanyProfile]:
    return {
        "jp": make_profile(
            "Kawada Seiki", "JP", "en", "CNC lathes and machining centres",
            "a distributor of machine tools in Russia",
        ),
        "ru_partner": make_profile(
            "Uralstanok", "RU", "en", "distribution of machine tools in Russia",
            "CNC lathes and machining centres",
        ),
        "ru_hidden": make_profile(
            "Hidden", "RU", "en", "distribution of machine tools in Russia",
            "CNC lathes and machining centres", consent=False,
        ),
        "ru_draft": make_profile(
            "Draft", "RU", "en", "distribution of machine tools", "CNC lathes", publish=False
        ),
        "jp_competitor": make_profile(
            "Other JP", "JP", "en", "CNC lathes and machining centres", "distributors"
        ),
    }  # fmt: skip


def test_suggestions_come_from_the_other_country_published_with_consent_only(
    market: dict[str, CompanyProfile],
) -> None:
    rows = suggestions_refresh(profile=market["jp"])
    assert rows is not None
    assert [r.candidate_id for r in rows] == [market["ru_partner"].pk]
    assert rows[0].rank == 1 and rows[0].reasons
    assert Suggestion.objects.filter(profile=market["jp"]).count() == 1


def test_a_draft_profile_gets_suggestions_without_being_suggested_itself(
    market: dict[str, CompanyProfile],
) -> None:
    rows = suggestions_refresh(profile=market["ru_draft"])
    assert rows is not None
    assert {r.candidate_id for r in rows} == {market["jp"].pk, market["jp_competitor"].pk}
    again = suggestions_refresh(profile=market["jp"])
    assert again is not None and market["ru_draft"].pk not in {r.candidate_id for r in again}


def test_suggestions_wait_while_a_profile_is_not_yet_indexed(
    market: dict[str, CompanyProfile],
) -> None:
    CompanyProfile.objects.filter(pk=market["jp"].pk).update(indexed_at=None)
    market["jp"].refresh_from_db()
    assert suggestions_refresh(profile=market["jp"]) is None


def test_reasons_are_shown_in_the_readers_language_where_translated(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    ru = make_profile(
        "Рыбпром", "RU", "ru", "Поставляем краба и морского ежа.", "Ищем покупателей в Японии.",
        offers_ja="カニとウニを供給します。", seeks_ja="日本の買い手を探しています。",
    )  # fmt: skip
    assert phrase_in(ru, "offers", "Поставляем краба и морского ежа", "ja") == (
        "カニとウニを供給します"
    )
    assert phrase_in(ru, "offers", "не найдено", "ja") == "не найдено"
    assert phrase_in(ru, "offers", "Поставляем краба и морского ежа", "en") == (
        "Поставляем краба и морского ежа"
    )


def test_shown_suggestions_list_the_partner_with_its_phrases(
    market: dict[str, CompanyProfile],
) -> None:
    suggestions_refresh(profile=market["jp"])
    shown = shown_suggestions(market["jp"], "en")
    assert shown[0].candidate == market["ru_partner"]
    assert all(r.their_phrase and r.our_phrase for r in shown[0].reasons)


def test_an_expired_profile_gets_no_suggestions(
    market: dict[str, CompanyProfile], agency: User
) -> None:
    from tandem.matchmaking.services.profiles import profile_expire

    expired = profile_expire(profile=market["jp"], actor=agency)
    assert suggestions_refresh(profile=expired) == []
