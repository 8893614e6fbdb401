"""Which HS chapters count as resource goods: the one place that defines it.

Resource goods, for "the share of non-resource goods in Russia's exports to Japan":

- 03 fish and crustaceans (caught, not prepared: prepared fish is chapter 16);
- 25 salt, sulphur, earths and stone; 26 ores, slag and ash; 27 mineral fuels and oils;
- 44 wood and articles of wood (mostly logs and sawn wood); 47 wood pulp;
- 71 pearls, precious stones and precious metals (mostly unwrought metal);
- 72 iron and steel; 74 copper; 75 nickel; 76 aluminium; 78 lead; 79 zinc; 80 tin;
  81 other base metals (the chapters of base metals in primary forms; 73, articles of iron
  or steel, and 82–83, tools and articles, are manufactures and are not resource goods).

This is a chapter-level approximation. Russia's official "non-resource non-energy exports"
are defined by a list of codes at a finer level; figures computed with this list are close to
it for Russia–Japan trade but not identical. Change the set here and only here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

RESOURCE_CHAPTERS: frozenset[str] = frozenset(
    {"03", "25", "26", "27", "44", "47", "71", "72", "74", "75", "76", "78", "79", "80", "81"}
)


def non_resource_share(values: Mapping[str, Decimal]) -> float | None:
    """The share (0–1) of value outside the resource chapters; None when there is no value."""
    total = sum(values.values(), Decimal(0))
    if total <= 0:
        return None
    other = sum(
        (value for chapter, value in values.items() if chapter not in RESOURCE_CHAPTERS),
        Decimal(0),
    )
    return float(other / total)
