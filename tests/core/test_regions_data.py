"""Checks of the reference data of regions shipped in ``tandem.core.data``.

Pure Python: the JSON files are read through ``importlib.resources``; no Django.
"""

import json
import re
from collections import Counter
from importlib import resources
from typing import Any

import pytest

pytestmark = pytest.mark.unit

FEDERAL_DISTRICT_CODES = {"CFD", "NWFD", "SFD", "NCFD", "VFD", "UFD", "SibFD", "FEFD"}
JAPAN_REGIONS = {
    "Hokkaido",
    "Tohoku",
    "Kanto",
    "Chubu",
    "Kinki",
    "Chugoku",
    "Shikoku",
    "Kyushu-Okinawa",
}
RU_KINDS = {"republic", "krai", "oblast", "federal_city", "autonomous_oblast", "autonomous_okrug"}
FIELDS = {
    "code",
    "country",
    "kind",
    "name_en",
    "name_ja",
    "name_ru",
    "federal_district",
    "japan_region",
    "status_disputed",
    "status_note_en",
}
# Subjects listed in art. 65 of Russia's Constitution that have no ISO 3166-2:RU code;
# they carry the ISO 3166-2:UA code of the territory.
DISPUTED = {
    "UA-43": "Республика Крым",
    "UA-40": "Севастополь",
    "UA-14": "Донецкая Народная Республика",
    "UA-09": "Луганская Народная Республика",
    "UA-23": "Запорожская область",
    "UA-65": "Херсонская область",
}
# Not assigned to a federal district by any decree so far.
WITHOUT_FEDERAL_DISTRICT = {"UA-14", "UA-09", "UA-23", "UA-65"}

JAPANESE = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


def _load(name: str) -> Any:
    text = resources.files("tandem.core.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _raw(name: str) -> str:
    return resources.files("tandem.core.data").joinpath(name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def regions() -> list[dict[str, Any]]:
    return _load("regions.json")


@pytest.fixture(scope="module")
def by_code(regions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["code"]: r for r in regions}


@pytest.fixture(scope="module")
def districts() -> list[dict[str, Any]]:
    return _load("federal_districts.json")


def _ru(regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in regions if r["country"] == "RU"]


def _jp(regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in regions if r["country"] == "JP"]


def test_files_are_formatted_as_documented(
    regions: list[dict[str, Any]], districts: list[dict[str, Any]]
) -> None:
    for name, data in (("regions.json", regions), ("federal_districts.json", districts)):
        assert _raw(name) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_every_region_has_exactly_the_documented_fields(regions: list[dict[str, Any]]) -> None:
    for r in regions:
        assert set(r) == FIELDS, r["code"]
        assert isinstance(r["status_disputed"], bool), r["code"]


def test_counts(regions: list[dict[str, Any]]) -> None:
    assert len(_ru(regions)) == 89
    assert len(_jp(regions)) == 47
    assert len(regions) == 89 + 47


def test_codes_are_unique_and_sorted(regions: list[dict[str, Any]]) -> None:
    codes = [r["code"] for r in regions]
    assert len(codes) == len(set(codes))
    keys = [(r["country"], r["code"]) for r in regions]
    assert keys == sorted(keys)


def test_code_formats(regions: list[dict[str, Any]]) -> None:
    assert [r["code"] for r in _jp(regions)] == [f"JP-{n:02d}" for n in range(1, 48)]
    for r in _ru(regions):
        if r["code"] in DISPUTED:
            continue
        assert re.fullmatch(r"RU-[A-Z]{2,3}", r["code"]), r["code"]
    assert {r["code"] for r in _ru(regions) if not r["code"].startswith("RU-")} == set(DISPUTED)


def test_kinds_match_the_constitution(regions: list[dict[str, Any]]) -> None:
    kinds = Counter(r["kind"] for r in _ru(regions))
    assert kinds == {
        "republic": 24,
        "krai": 9,
        "oblast": 48,
        "federal_city": 3,
        "autonomous_oblast": 1,
        "autonomous_okrug": 4,
    }
    assert set(kinds) == RU_KINDS
    assert {r["kind"] for r in _jp(regions)} == {"prefecture"}


def test_names_in_three_languages(regions: list[dict[str, Any]]) -> None:
    for r in regions:
        for field in ("name_en", "name_ja", "name_ru"):
            value = r[field]
            assert isinstance(value, str), (r["code"], field)
            assert value.strip() == value != "", (r["code"], field)


def test_names_are_in_their_script(regions: list[dict[str, Any]]) -> None:
    for r in regions:
        assert JAPANESE.search(r["name_ja"]), r["code"]
        assert not LATIN.search(r["name_ja"]), r["code"]
        assert not CYRILLIC.search(r["name_ja"]), r["code"]
        assert CYRILLIC.search(r["name_ru"]), r["code"]
        assert not LATIN.search(r["name_ru"]), r["code"]
        assert not JAPANESE.search(r["name_ru"]), r["code"]
        assert LATIN.search(r["name_en"]), r["code"]
        assert not CYRILLIC.search(r["name_en"]), r["code"]
        assert not JAPANESE.search(r["name_en"]), r["code"]


def test_federal_districts_of_russian_subjects(regions: list[dict[str, Any]]) -> None:
    for r in _ru(regions):
        if r["code"] in WITHOUT_FEDERAL_DISTRICT:
            assert r["federal_district"] is None, r["code"]
        else:
            assert r["federal_district"] in FEDERAL_DISTRICT_CODES, r["code"]
        assert r["japan_region"] is None, r["code"]
    sizes = Counter(r["federal_district"] for r in _ru(regions) if r["federal_district"])
    assert sizes == {
        "CFD": 18,
        "NWFD": 11,
        "SFD": 8,
        "NCFD": 7,
        "VFD": 14,
        "UFD": 6,
        "SibFD": 10,
        "FEFD": 11,
    }


def test_far_east(by_code: dict[str, dict[str, Any]]) -> None:
    # Decree No. 632 of 3 November 2018 moved Buryatia and Zabaykalsky Krai to the Far East.
    for code in ("RU-PRI", "RU-SAK", "RU-BU", "RU-ZAB", "RU-KHA", "RU-SA"):
        assert by_code[code]["federal_district"] == "FEFD", code
    assert by_code["RU-PRI"]["name_en"] == "Primorsky Krai"
    assert by_code["RU-PRI"]["name_ja"] == "沿海地方"
    assert by_code["RU-PRI"]["name_ru"] == "Приморский край"
    assert by_code["RU-BU"]["name_ru"] == "Республика Бурятия"


def test_japanese_prefectures(regions: list[dict[str, Any]]) -> None:
    for r in _jp(regions):
        assert r["japan_region"] in JAPAN_REGIONS, r["code"]
        assert r["federal_district"] is None, r["code"]
        assert r["status_disputed"] is False, r["code"]
        assert r["name_ja"][-1] in "都道府県", r["code"]
    sizes = Counter(r["japan_region"] for r in _jp(regions))
    assert sizes == {
        "Hokkaido": 1,
        "Tohoku": 6,
        "Kanto": 7,
        "Chubu": 9,
        "Kinki": 7,
        "Chugoku": 5,
        "Shikoku": 4,
        "Kyushu-Okinawa": 8,
    }
    suffixes = Counter(r["name_ja"][-1] for r in _jp(regions))
    assert suffixes == {"都": 1, "道": 1, "府": 2, "県": 43}


def test_well_known_names(by_code: dict[str, dict[str, Any]]) -> None:
    expected = {
        "JP-01": ("Hokkaido", "北海道", "Хоккайдо"),
        "JP-13": ("Tokyo", "東京都", "Токио"),
        "JP-27": ("Osaka", "大阪府", "Осака"),
        "RU-MOW": ("Moscow", "モスクワ市", "Москва"),
        "RU-SPE": ("Saint Petersburg", "サンクトペテルブルク市", "Санкт-Петербург"),
        "RU-KHA": ("Khabarovsk Krai", "ハバロフスク地方", "Хабаровский край"),
        "RU-SVE": ("Sverdlovsk Oblast", "スヴェルドロフスク州", "Свердловская область"),
        "RU-SA": ("Sakha (Yakutia) Republic", "サハ共和国", "Республика Саха (Якутия)"),
        "RU-SAK": ("Sakhalin Oblast", "サハリン州", "Сахалинская область"),
    }
    for code, (en, ja, ru) in expected.items():
        r = by_code[code]
        assert (r["name_en"], r["name_ja"], r["name_ru"]) == (en, ja, ru), code


def test_disputed_subjects(
    regions: list[dict[str, Any]], by_code: dict[str, dict[str, Any]]
) -> None:
    flagged = {r["code"] for r in regions if r["status_disputed"]}
    assert flagged == set(DISPUTED)
    for code, name_ru in DISPUTED.items():
        r = by_code[code]
        assert r["country"] == "RU"
        assert r["name_ru"] == name_ru
        note = r["status_note_en"]
        assert note, code
        assert "not recognised by Japan" in note, code
        assert "ISO 3166-2:UA" in note, code
    assert by_code["UA-43"]["federal_district"] == "SFD"
    assert by_code["UA-40"]["federal_district"] == "SFD"


def test_sakhalin_and_the_northern_territories(by_code: dict[str, dict[str, Any]]) -> None:
    sakhalin = by_code["RU-SAK"]
    assert sakhalin["status_disputed"] is False
    assert "Northern Territories" in sakhalin["status_note_en"]
    assert "Kuril" in sakhalin["status_note_en"]
    assert "Northern Territories" in by_code["JP-01"]["status_note_en"]


def test_notes_fit_and_are_set_only_where_meant(regions: list[dict[str, Any]]) -> None:
    with_note = {r["code"] for r in regions if r["status_note_en"] is not None}
    assert with_note == set(DISPUTED) | {"RU-SAK", "JP-01"}
    for r in regions:
        note = r["status_note_en"]
        if note is not None:
            # Region.status_note is a CharField(max_length=300).
            assert 0 < len(note) <= 300, r["code"]


def test_federal_districts_file(
    districts: list[dict[str, Any]], regions: list[dict[str, Any]]
) -> None:
    assert [d["code"] for d in districts] == [
        "CFD",
        "NWFD",
        "SFD",
        "NCFD",
        "VFD",
        "UFD",
        "SibFD",
        "FEFD",
    ]
    for d in districts:
        assert set(d) == {"code", "name_en", "name_ja", "name_ru"}
        assert d["name_en"].endswith("Federal District"), d["code"]
        assert d["name_ja"].endswith("連邦管区"), d["code"]
        assert d["name_ru"].endswith("федеральный округ"), d["code"]
    used = {r["federal_district"] for r in regions if r["federal_district"]}
    assert used == {d["code"] for d in districts}
    fefd = next(d for d in districts if d["code"] == "FEFD")
    assert (fefd["name_en"], fefd["name_ja"], fefd["name_ru"]) == (
        "Far Eastern Federal District",
        "極東連邦管区",
        "Дальневосточный федеральный округ",
    )
