"""The shape of a project's records (financing lines, milestones, results, sources) as the API,
the pages and the registry import give them to the services.

Each kind has an ``…In`` schema (every field a new record needs) and a ``…Changes`` schema
(the fields to change: a field left out is left as it is; only the fields that were set are
applied, so a blank cell in a file never overwrites anything).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tandem.projects.enums import FinancingKind, FinancingLineType, SourceKind
from tandem.projects.models.result import IndicatorMeasure, ResultType


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    def given(self) -> dict[str, Any]:
        """The fields that were set, with their values (None included when set on purpose)."""
        return {name: getattr(self, name) for name in self.model_fields_set}


CURRENCY = r"^[A-Z]{3}$"
NO_TYPE = Literal[""]


class FinancingLineIn(_Record):
    """A new financing line: money for the project, of one kind, on a date.

    ``line_type`` says what the line is in IATI's terms (blank: a commitment, or a
    disbursement when ``is_disbursement``); only a transaction of a stated type may be
    negative. Budgets and planned disbursements run from ``date`` to ``period_end``."""

    kind: FinancingKind
    amount: Decimal = Field(max_digits=18, decimal_places=2)
    currency: str = Field(pattern=CURRENCY, description="ISO 4217 code", examples=["JPY"])
    date: dt.date
    line_type: FinancingLineType | NO_TYPE = ""
    period_end: dt.date | None = None
    value_date: dt.date | None = None
    funder: str | None = Field(
        default=None, description="The funder's reference or its name in any language"
    )
    is_disbursement: bool = False


class FinancingLineChanges(_Record):
    kind: FinancingKind | None = None
    amount: Decimal | None = Field(default=None, max_digits=18, decimal_places=2)
    currency: str | None = Field(default=None, pattern=CURRENCY)
    date: dt.date | None = None
    line_type: FinancingLineType | NO_TYPE | None = None
    period_end: dt.date | None = None
    value_date: dt.date | None = None
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
    """An indicator over one period: the actual value and the period's target, each a number
    or words ("not yet assessed")."""

    period_start: dt.date
    period_end: dt.date
    actual: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    actual_text: str = Field(default="", max_length=300)
    target: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    target_text: str = Field(default="", max_length=300)

    @model_validator(mode="after")
    def period_ordered(self) -> ResultValueIn:
        _check_period(self.period_start, self.period_end)
        return self


class ResultValueChanges(_Record):
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    actual: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    actual_text: str | None = Field(default=None, max_length=300)
    target: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    target_text: str | None = Field(default=None, max_length=300)

    @model_validator(mode="after")
    def period_ordered(self) -> ResultValueChanges:
        _check_period(self.period_start, self.period_end)
        return self


class ResultIn(_Record):
    """A result indicator: its baseline (a number, or words such as "No"), target and
    values per period, and the result it belongs to."""

    title_en: str | None = Field(default=None, max_length=1000)
    title_ja: str | None = Field(default=None, max_length=1000)
    title_ru: str | None = Field(default=None, max_length=1000)
    unit: str = Field(default="", max_length=40)
    baseline: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    baseline_text: str = Field(default="", max_length=300)
    baseline_date: dt.date | None = None
    target: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    result_title: str = ""
    result_type: ResultType | NO_TYPE = ""
    measure: IndicatorMeasure | NO_TYPE = ""
    ascending: bool | None = Field(default=None, description="Whether higher is better")
    values: list[ResultValueIn] = Field(default_factory=list)


class ResultChanges(_Record):
    title_en: str | None = Field(default=None, max_length=1000)
    title_ja: str | None = Field(default=None, max_length=1000)
    title_ru: str | None = Field(default=None, max_length=1000)
    unit: str | None = Field(default=None, max_length=40)
    baseline: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    baseline_text: str | None = Field(default=None, max_length=300)
    baseline_date: dt.date | None = None
    target: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    result_title: str | None = None
    result_type: ResultType | NO_TYPE | None = None
    measure: IndicatorMeasure | NO_TYPE | None = None
    ascending: bool | None = None
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
