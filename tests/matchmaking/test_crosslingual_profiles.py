"""Company profile search crosses languages, the query language's profiles first."""

from collections.abc import Callable

import pytest

from tandem.core.models import User
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.selectors.profiles import ProfileFilters, search_profiles

pytestmark = pytest.mark.integration


def test_a_profile_written_only_in_russian_is_found_in_japanese_and_english_after_own_language(
    make_profile: Callable[..., CompanyProfile], agency: User
) -> None:
    russian = make_profile(
        "Дальлес", "RU", "ru", "Пиломатериалы из Хабаровского края", "Сушильные камеры"
    )
    japanese = make_profile("極東木材", "JP", "ja", "ハバロフスク向けの製材機", "木材の輸入元")

    def names(query: str) -> list[str]:
        return [p.name for p in search_profiles(agency, ProfileFilters(q=query))]

    assert names("ハバロフスク") == [japanese.name, russian.name]
    assert names("Хабаровск") == [russian.name, japanese.name]
    assert set(names("Khabarovsk")) == {russian.name, japanese.name}  # neither in English
    assert names("Дальлес") == [russian.name]
