"""The indicators against values computed by hand on a small series."""

from decimal import Decimal

import pytest

from tandem.trade.indicators import (
    RESOURCE_CHAPTERS,
    chapters_for_share,
    growth,
    herfindahl,
    non_resource_share,
    series,
    shares,
    trend_slope,
)

pytestmark = pytest.mark.unit

D = Decimal
# 100 in all: 27 mineral fuels 60, 03 fish 20, 84 machinery 10, 44 wood 6, 87 vehicles 4.
YEAR_1 = {"27": D(60), "03": D(20), "84": D(10), "44": D(6), "87": D(4)}
# 120 in all: 27 60, 03 20, 84 25, 44 5, 87 10.
YEAR_2 = {"27": D(60), "03": D(20), "84": D(25), "44": D(5), "87": D(10)}


def test_herfindahl_is_the_sum_of_squared_shares_on_a_zero_to_one_scale() -> None:
    # 0.6² + 0.2² + 0.1² + 0.06² + 0.04² = 0.36 + 0.04 + 0.01 + 0.0036 + 0.0016
    assert herfindahl(YEAR_1) == pytest.approx(0.4152)
    # (60² + 20² + 25² + 5² + 10²) / 120² = 4750 / 14400
    assert herfindahl(YEAR_2) == pytest.approx(4750 / 14400)
    assert herfindahl({"27": D(5)}) == 1.0
    assert herfindahl({c: D(1) for c in ("01", "02", "03", "04")}) == pytest.approx(0.25)
    assert herfindahl({}) is None


def test_chapters_for_90_counts_the_largest_chapters_until_90_percent() -> None:
    # 60 → 80 → 90: the third chapter reaches exactly 90%, which counts (≥).
    assert chapters_for_share(YEAR_1) == 3
    # 60, 85, 105 (87.5%), 115 (95.8%): four chapters.
    assert chapters_for_share(YEAR_2) == 4
    # Four equal chapters: 25, 50, 75 are below 90%; all four are needed.
    assert chapters_for_share({c: D(1) for c in ("01", "02", "03", "04")}) == 4
    assert chapters_for_share({"27": D(95), "03": D(5)}) == 1
    assert chapters_for_share({}) == 0


def test_shares_growth_and_trend_by_hand() -> None:
    assert shares(YEAR_1)["27"] == pytest.approx(0.6)
    assert growth(D(100), D(120)) == pytest.approx(0.2)
    assert growth(None, D(120)) is None
    assert growth(D(0), D(120)) is None
    assert trend_slope([(2019, 0.5), (2020, 0.4), (2021, 0.3)]) == pytest.approx(-0.1)
    assert trend_slope([(2019, 0.5)]) is None


def test_non_resource_share_uses_the_one_definition_of_resource_chapters() -> None:
    assert {"03", "27", "44"} <= RESOURCE_CHAPTERS
    assert "73" not in RESOURCE_CHAPTERS and "84" not in RESOURCE_CHAPTERS
    # Non-resource: 84 and 87, 10 + 4 of 100.
    assert non_resource_share(YEAR_1) == pytest.approx(0.14)
    # 25 + 10 of 120.
    assert non_resource_share(YEAR_2) == pytest.approx(35 / 120)
    assert non_resource_share({}) is None


def test_series_carries_every_indicator_per_year_and_no_growth_across_a_gap() -> None:
    points = series({2019: YEAR_1, 2020: YEAR_2, 2022: YEAR_1})
    assert [p.year for p in points] == [2019, 2020, 2022]
    assert points[0].total == 100 and points[0].growth is None
    assert points[1].growth == pytest.approx(0.2)
    assert points[1].chapters_for_90 == 4
    assert points[2].growth is None  # 2021 is missing: no growth on 2020
    assert points[0].hhi == pytest.approx(0.4152)
