"""Large numbers on chart axes in the reader's units (pure Python, no Django).

English "25 bn", "300 m"; Russian "25 млрд", "2,5 млн" (decimal comma); Japanese counts in
万 (10⁴), 億 (10⁸) and 兆 (10¹²): 25,000,000,000 is "250億". The chart writers take the
reader's language and call :func:`compact_number` for every tick.
"""

from __future__ import annotations

UNITS = {
    "en": ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")),
    "ru": ((1e12, " трлн"), (1e9, " млрд"), (1e6, " млн"), (1e3, " тыс.")),
    "ja": ((1e12, "兆"), (1e8, "億"), (1e4, "万")),
}


def compact_number(value: float, language: str = "en") -> str:
    """``value`` with the largest unit of ``language`` it reaches, at most three digits."""
    units = UNITS.get(language[:2], UNITS["en"])
    magnitude = abs(value)
    for size, unit in units:
        if magnitude >= size:
            return _digits(value / size, language) + unit
    return _digits(value, language)


def _digits(value: float, language: str) -> str:
    text = f"{round(value, 2):g}" if abs(value) < 1e15 else f"{value:.3g}"
    return text.replace(".", ",") if language[:2] == "ru" else text
