"""Totals and their parts in one file: which level is imported, and whether the parts agree.

Agencies publish totals beside the rows they add up to: a legacy UN Comtrade download holds a
``TOTAL`` row and every HS level (chapters, headings, subheadings) of the same trade; a
Comtrade Plus download may hold, beside each total row (second partner World, customs
procedure C00, mode of transport 0), the same trade broken down by second partner, customs
procedure or mode of transport. Adding all of them together counts the same trade several
times. The rule here: one HS level is imported (the finest whose codes are all in the HS
list), total rows and breakdown rows are never imported, and every total is compared with
each set of its parts (``Check``). A difference beyond rounding is reported, never corrected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

# A flow's key: year, month (None for a year), reporter, partner, direction.
FlowKey = tuple[int, int | None, str, str, str]
# A commodity row's raw key in a file, before any parsing (period, reporter, partner, flow,
# commodity): used to find a breakdown's total row.
RawKey = tuple[str, ...]
LEVEL_NAMES = {2: "chapters", 4: "headings", 6: "subheadings"}
RELATIVE_TOLERANCE = Decimal("0.0001")
ONE = Decimal(1)
THOUSAND = Decimal(1000)


@dataclass
class Survey:
    """What a first reading of a file found: the HS levels present (0 = TOTAL rows) with the
    codes at each, and the rows that carry a breakdown."""

    levels: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    breakdown_keys: set[RawKey] = field(default_factory=set)

    def plan(self, known: Container[str]) -> Plan:
        detail = sorted((level for level in self.levels if level), reverse=True)
        unknown = {
            level: sorted(code for code in self.levels[level] if code not in known)
            for level in detail
        }
        kept = next((level for level in detail if not unknown[level]), None)
        if len(detail) < 2:
            kept = None  # one level: the usual checks apply to it as to any file
        elif kept is None:
            kept = detail[0]  # no level is wholly known: its unknown codes are errors
        not_kept = {
            level: (len(codes), codes[0])
            for level, codes in unknown.items()
            if codes and kept is not None and level > kept
        }
        return Plan(
            level=kept,
            has_totals=0 in self.levels,
            breakdown_keys=frozenset(self.breakdown_keys),
            not_kept=not_kept,
        )


@dataclass(frozen=True)
class Plan:
    """How to read a file that holds totals beside their parts.

    ``level``: the HS level imported when the file holds several (None when it holds one);
    ``breakdown_keys``: the raw keys of the commodity rows that have breakdown rows;
    ``not_kept``: finer levels left out because some codes are not in the HS list, with the
    number of such codes and one of them."""

    level: int | None = None
    has_totals: bool = False
    breakdown_keys: frozenset[RawKey] = frozenset()
    not_kept: dict[int, tuple[int, str]] = field(default_factory=dict)

    @property
    def checks_parts(self) -> bool:
        return self.level is not None or self.has_totals or bool(self.breakdown_keys)


@dataclass(frozen=True, slots=True)
class Part:
    """A row that is read and checked but not imported: a TOTAL row (``level`` 0), a row at
    another HS level, or a breakdown row (``breakdown`` names its dimensions)."""

    key: FlowKey
    raw_key: RawKey
    level: int
    value: Decimal
    breakdown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    """One total compared with one set of its parts. ``parts`` names them: ``chapters``,
    ``headings``, ``subheadings`` (an HS level against the TOTAL row, or against the level
    imported when there is no TOTAL row), or the breakdown dimensions joined by ``+``
    (``partner2``, ``customs``, ``transport``), compared code by code with the total rows;
    ``groups`` is the number of commodity codes compared and ``differing`` how many of them
    differ beyond rounding."""

    key: FlowKey
    parts: str
    total: Decimal
    found: Decimal
    rows: int
    groups: int = 1
    differing: int = 0
    currency: str = "USD"
    unit: Decimal = Decimal(1)

    @property
    def difference(self) -> Decimal:
        return self.found - self.total

    @property
    def agrees(self) -> bool:
        return self.differing == 0 and _within_rounding(
            self.total, self.found, self.rows, self.unit
        )


def _within_rounding(total: Decimal, found: Decimal, rows: int, unit: Decimal = ONE) -> bool:
    """Equal but for rounding: at most one unit (of the file's values) per part row, or 0.01%
    of the total."""
    return abs(found - total) <= max(rows * unit, abs(total) * RELATIVE_TOLERANCE)


class Ledger:
    """Sums the totals and their parts while a file is read, then compares them."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.totals: dict[FlowKey, Decimal] = {}
        self.levels: dict[tuple[FlowKey, int], list[Decimal | int]] = {}
        self.group_totals: dict[RawKey, tuple[FlowKey, Decimal]] = {}
        self.breakdowns: dict[tuple[RawKey, tuple[str, ...]], list[Decimal | int]] = {}
        self.first_rows: dict[RawKey, int] = {}
        self.months: dict[FlowKey, list[Decimal | int]] = {}

    def add(self, part: Part, row: int) -> None:
        if part.breakdown:
            entry = self.breakdowns.setdefault((part.raw_key, part.breakdown), [Decimal(0), 0])
            entry[0] += part.value
            entry[1] += 1
            self.first_rows.setdefault(part.raw_key, row)
            return
        if part.raw_key in self.plan.breakdown_keys:
            self.group_totals[part.raw_key] = (part.key, part.value)
        if part.level == 0:
            self.totals[part.key] = self.totals.get(part.key, Decimal(0)) + part.value
        else:
            self.add_level(part.key, part.level, part.value)

    def add_level(self, key: FlowKey, level: int, value: Decimal) -> None:
        entry = self.levels.get((key, level))
        if entry is None:
            self.levels[(key, level)] = [value, 1]
        else:
            entry[0] += value
            entry[1] += 1

    def add_months(self, key: FlowKey, year_value: Decimal, months_value: Decimal) -> None:
        """A row that gives a year's value beside its months' (Japan's wide layout)."""
        entry = self.months.setdefault(key, [Decimal(0), Decimal(0), 0, 0, 0])
        entry[0] += year_value
        entry[1] += months_value
        entry[2] += 12
        entry[3] += 1
        entry[4] += not _within_rounding(year_value, months_value, 12, THOUSAND)

    def missing_totals(self) -> list[tuple[int, RawKey]]:
        """Breakdown rows whose total row is not in the file (first row, raw key)."""
        return sorted(
            (row, key) for key, row in self.first_rows.items() if key not in self.group_totals
        )

    def checks(self) -> list[Check]:
        return sorted(
            [*self._level_checks(), *self._breakdown_checks(), *self._month_checks()],
            key=lambda c: (c.key[0], c.key[1] or 0, *c.key[2:], c.parts),
        )

    def _level_checks(self) -> Iterable[Check]:
        kept = self.plan.level
        for (key, level), (value, rows) in self.levels.items():
            if key in self.totals:
                total = self.totals[key]
            elif kept is not None and level != kept and (key, kept) in self.levels:
                total = Decimal(self.levels[(key, kept)][0])
            else:
                continue
            yield Check(key, LEVEL_NAMES.get(level, str(level)), total, Decimal(value), int(rows))

    def _breakdown_checks(self) -> Iterable[Check]:
        merged: dict[tuple[FlowKey, tuple[str, ...]], list[Decimal | int]] = {}
        for (raw_key, dimensions), (value, rows) in self.breakdowns.items():
            found = self.group_totals.get(raw_key)
            if found is None:
                continue
            key, group_total = found
            entry = merged.setdefault((key, dimensions), [Decimal(0), Decimal(0), 0, 0, 0])
            entry[0] += group_total
            entry[1] += value
            entry[2] += rows
            entry[3] += 1
            entry[4] += not _within_rounding(group_total, Decimal(value), int(rows))
        for (key, dimensions), (total, value, rows, groups, differing) in merged.items():
            yield Check(
                key,
                "+".join(dimensions),
                Decimal(total),
                Decimal(value),
                int(rows),
                int(groups),
                int(differing),
            )

    def _month_checks(self) -> Iterable[Check]:
        for key, (total, found, rows, groups, differing) in self.months.items():
            yield Check(
                key,
                "months",
                Decimal(total),
                Decimal(found),
                int(rows),
                int(groups),
                int(differing),
                currency="JPY",
                unit=THOUSAND,
            )
