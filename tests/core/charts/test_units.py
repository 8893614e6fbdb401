"""Chart axes in the reader's units: bn / млрд / 億 and 兆."""

from __future__ import annotations

import pytest

from tandem.core.charts.units import compact_number
from tandem.trade.charts.svg import Line, line_chart

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (25e9, "en", "25 bn"),
        (25e9, "ru", "25 млрд"),
        (25e9, "ja", "250億"),
        (2.5e12, "ja", "2.5兆"),
        (2.5e6, "ru", "2,5 млн"),
        (300e6, "en", "300 m"),
        (40_000, "ja", "4万"),
        (500, "en", "500"),
        (0, "ru", "0"),
    ],
)
def test_compact_number(value: float, language: str, expected: str) -> None:
    assert compact_number(value, language) == expected


def test_the_trade_chart_writes_the_reader_units() -> None:
    lines = [Line("exports", [(2019, 10e9), (2020, 25e9)])]
    assert "25 bn" in line_chart(lines, title="t") or "30 bn" in line_chart(lines, title="t")
    russian = line_chart(lines, title="t", language="ru")
    japanese = line_chart(lines, title="t", language="ja")
    assert "млрд" in russian and "B<" not in russian
    assert "億" in japanese and "B<" not in japanese
