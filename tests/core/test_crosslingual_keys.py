"""Romanisation and sound keys: the three spellings of one name meet (pure Python)."""

import pytest

from tandem.core.crosslingual.names import place_cores
from tandem.core.crosslingual.transliteration import kana_to_latin, romanise, sound_key

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("english", "russian", "japanese"),
    [
        ("Khabarovsk", "Хабаровск", "ハバロフスク"),
        ("Sakhalin", "Сахалин", "サハリン"),
        ("Chelyabinsk", "Челябинск", "チェリャビンスク"),
        ("Volgograd", "Волгоград", "ヴォルゴグラード"),
        ("Hokkaido", "Хоккайдо", "ほっかいどう"),
        ("Petrov", "Петров", "ペトロフ"),
        ("Rosatom", "Росатом", "ロスアトム"),
    ],
)
def test_three_spellings_of_a_name_share_one_sound_key(
    english: str, russian: str, japanese: str
) -> None:
    assert sound_key(english) == sound_key(russian) == sound_key(japanese) != ""


def test_hepburn_and_bgn_romanisation() -> None:
    assert kana_to_latin("シャチョウ") == "shachou"
    assert kana_to_latin("ティッシュ") == "tisshu"
    assert kana_to_latin("ファミリー") == "famiri"
    assert romanise("Щукин Юрий") == "shchukin yuriy"


def test_different_names_keep_different_keys() -> None:
    assert sound_key("Khabarovsk") != sound_key("Krasnoyarsk")
    assert sound_key("Москва") != sound_key("Мурманск")


def test_a_region_is_found_by_the_core_of_its_name() -> None:
    assert place_cores("Хабаровский край") == ["хабаровск"]
    assert place_cores("ハバロフスク地方") == ["ハバロフスク"]
    assert place_cores("Khabarovsk Krai") == ["khabarovsk"]
    assert place_cores("青森県") == ["青森"]
