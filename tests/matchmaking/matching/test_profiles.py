"""Parsing and validation of JSONL company profiles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tandem.matchmaking.matching.profiles import (
    ProfileError,
    iter_profiles,
    parse_profile_line,
    read_profiles,
)

pytestmark = pytest.mark.unit

DEVSET = Path(__file__).parents[2] / "data" / "matchmaking" / "devset.jsonl"
GOOD = {
    "id": "jp-1",
    "country": "jp",
    "language": "JA",
    "name": "川田精機",
    "region": "Niigata",
    "industry": "C28",
    "offers": " CNC旋盤 ",
    "seeks": "販売代理店",
    "size": "small",
}


def line(**changes: object) -> str:
    data = {**GOOD, **changes}
    return json.dumps({k: v for k, v in data.items() if v is not ...}, ensure_ascii=False)


def test_valid_line_is_normalised() -> None:
    prof = parse_profile_line(line(), 1)
    assert prof is not None
    assert (prof.country, prof.language, prof.offers) == ("JP", "ja", "CNC旋盤")
    assert prof.to_dict()["industry"] == "C28"


def test_region_and_industry_may_be_missing_or_null() -> None:
    prof = parse_profile_line(line(region=..., industry=None), 4)
    assert prof is not None and prof.region is None and prof.industry is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "line 7: invalid JSON"),
        ("[1, 2]", "line 7: expected a JSON object"),
        (line(offers=...), "line 7: missing field(s): offers"),
        (line(language="de"), "line 7: field 'language' must be one of ja, ru, en"),
        (line(country="Japan"), "line 7: field 'country' must be a 2-letter code"),
        (line(size="huge"), "line 7: field 'size' must be one of"),
        (line(offers=5), "line 7: field 'offers' is a int, not a string"),
        (line(offers="", seeks=" "), "line 7: fields 'offers' and 'seeks' are both empty"),
        (line(region=3), "line 7: field 'region' must be a string or null"),
        (line(id=""), "line 7: field 'id' is empty"),
    ],
)
def test_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile_line(text, 7)
    assert str(info.value).startswith(message)
    assert info.value.line == 7


def test_blank_lines_are_skipped_and_duplicates_rejected() -> None:
    lines = [line(), "", "   ", line(id="ru-1", country="RU", language="ru"), line()]
    with pytest.raises(ProfileError, match=r"line 5: duplicate id 'jp-1' \(first seen on line 1\)"):
        list(iter_profiles(lines))
    assert [p.id for p in iter_profiles(lines[:4])] == ["jp-1", "ru-1"]


def test_devset_parses_with_both_countries_and_three_languages() -> None:
    profiles = read_profiles(DEVSET)
    assert len(profiles) >= 120
    assert {p.country for p in profiles} == {"JP", "RU"}
    assert {p.language for p in profiles} == {"ja", "ru", "en"}


def test_non_utf8_file_is_a_profile_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(ProfileError, match="not valid UTF-8"):
        read_profiles(path)


@pytest.mark.parametrize(
    ("size", "category"),
    [
        (0, "micro"),
        (9, "micro"),
        (10, "small"),
        (49, "small"),
        (50, "medium"),
        (95, "medium"),
        (249, "medium"),
        (250, "large"),
        (12000, "large"),
        ("95", "medium"),
        ("1,200", "large"),
        (95.0, "medium"),
        ("Small", "small"),
    ],
)
def test_a_numeric_size_is_a_head_count_mapped_to_its_sme_category(
    size: object, category: str
) -> None:
    """People keep head counts: micro < 10, small < 50, medium < 250, else large."""
    prof = parse_profile_line(line(size=size), 1)
    assert prof is not None and prof.size == category


@pytest.mark.parametrize("size", [-3, 12.5, True, "ninety", "", None])
def test_a_size_that_is_neither_a_category_nor_a_head_count_is_refused(size: object) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile_line(line(size=size), 3)
    assert str(info.value).startswith("line 3: field 'size' ")
