"""The shape of a project's records (financing lines, milestones, results, sources) as the API,
the pages and the registry import give them to the services.

Each kind has an ``…In`` schema (every field a new record needs) and a ``…Changes`` schema
(the fields to change: a field left out is left as it is; only the fields that were set are
applied, so a blank cell in a file never overwrites anything).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tandem.projects.enums import Currency, FinancingKind, SourceKind


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    def given(self) -> dict[str, Any]:
        """The fields that were set, with their values (None included when set on purpose)."""
        return {name: getattr(self, name) for name in self.model_fields_set}


class FinancingLineIn(_Record):
    """A new financing line: money committed to the project."""

    kind: FinancingKind
    amount: Decimal = Field(ge=0, max_digits=18, decimal_places=2)
    currency: Currency
    date: dt.date
    funder: str | None = Field(
        default=None, description="The funder's reference or its name in any language"
    )
    is_disbursement: bool = False


class FinancingLineChanges(_Record):
    kind: FinancingKind | None = None
    amount: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2)
    currency: Currency | None = None
    date: dt.date | None = None
    funder: str | None = Field(
        default=None, description="Reference or name; null clears the funder"
    )
    is_disbursement: bool | None = None


class MilestoneIn(_Record):
    title_en: str | None = Field(default=None, max_length=300)
    title_ja: str | None = Field(default=None, max_length=300)
    title_ru: str | None = Field(default=None, max_length=300)
    due_date: dt.date | None = None
    done_date: dt.date | None = None


class MilestoneChanges(MilestoneIn):
    pass


def _check_period(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError("the period ends before it starts")


class ResultValueIn(_Record):
    """The actual value of an indicator over one period."""

    period_start: dt.date
    period_end: dt.date
    actual: Decimal = Field(max_digits=18, decimal_places=4)

    @model_validator(mode="after")
    def period_ordered(self) -> ResultValueIn:
        _check_period(self.period_start, self.period_end)
        return self


class ResultValueChanges(_Record):
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    actual: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)

    @model_validator(mode="after")
    def period_ordered(self) -> ResultValueChanges:
        _check_period(self.period_start, self.period_end)
        return self


class ResultIn(_Record):
    """A result indicator: its baseline (a number on a date), target and actual values."""

    title_en: str | None = Field(default=None, max_length=300)
    title_ja: str | None = Field(default=None, max_length=300)
    title_ru: str | None = Field(default=None, max_length=300)
    unit: str = Field(min_length=1, max_length=40)
    baseline: Decimal = Field(max_digits=18, decimal_places=4)
    baseline_date: dt.date
    target: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    values: list[ResultValueIn] = Field(default_factory=list)


class ResultChanges(_Record):
    title_en: str | None = Field(default=None, max_length=300)
    title_ja: str | None = Field(default=None, max_length=300)
    title_ru: str | None = Field(default=None, max_length=300)
    unit: str | None = Field(default=None, min_length=1, max_length=40)
    baseline: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    baseline_date: dt.date | None = None
    target: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    values: list[ResultValueIn] | None = Field(
        default=None,
        description="When given, the whole list of periods: periods left out are removed",
    )


class SourceIn(_Record):
    kind: SourceKind
    title: str = Field(min_length=1, max_length=300)
    url: str = Field(default="", max_length=200)
    date: dt.date | None = None


class SourceChanges(_Record):
    kind: SourceKind | None = None
    title: str | None = Field(default=None, min_length=1, max_length=300)
    url: str | None = Field(default=None, max_length=200)
    date: dt.date | None = None
