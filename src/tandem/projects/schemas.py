"""The shape of a joint project as the API, the importers and the services exchange it.

One pydantic schema for every way in: a field left out (or a blank cell in a file) means
"leave as it is"; it never overwrites.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tandem.projects.enums import (
    Aspect,
    Currency,
    Disclosure,
    FinancingKind,
    ParticipantRole,
    ProjectStatus,
    SectorVocabulary,
)

CODE_PATTERN = r"^[A-Z]{2,8}-\d{4}-\d{4,6}$"
Clearable = Literal[
    "title_en",
    "title_ja",
    "title_ru",
    "summary_en",
    "summary_ja",
    "summary_ru",
    "places",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "confidential_side",
]
CLEARABLE: tuple[str, ...] = get_args(Clearable)


class ParticipantIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organisation: str = Field(description="Name in any language, or the organisation's reference")
    side: str = Field(pattern=r"^[A-Z]{2}$")
    role: ParticipantRole


class SectorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    vocabulary: SectorVocabulary
    code: str = Field(min_length=1, max_length=20)


class FinancingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FinancingKind
    amount: Decimal = Field(ge=0, max_digits=18, decimal_places=2)
    currency: Currency
    date: dt.date
    is_disbursement: bool = False


class ProjectIn(BaseModel):
    """A joint project to create, or the fields of one to change."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(pattern=CODE_PATTERN, examples=["JR-2019-0042"])
    title_en: str | None = Field(default=None, max_length=1000)
    title_ja: str | None = Field(default=None, max_length=1000)
    title_ru: str | None = Field(default=None, max_length=1000)
    summary_en: str | None = None
    summary_ja: str | None = None
    summary_ru: str | None = None
    status: ProjectStatus | None = None
    status_date: dt.date | None = None
    plan_areas: list[str] | None = Field(
        default=None, description="Plan area ids, the primary one first", examples=[["P5", "P6"]]
    )
    national_projects: list[str] | None = Field(default=None, examples=[["N7", "N12"]])
    regions: list[str] | None = Field(
        default=None, description="ISO 3166-2 codes", examples=[["RU-SVE", "JP-23"]]
    )
    places: str | None = Field(default=None, max_length=300)
    sectors: list[SectorIn] | None = None
    aspects: list[Aspect] | None = None
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    disclosure: Disclosure | None = None
    confidential_side: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    participants: list[ParticipantIn] | None = None
    financing: list[FinancingIn] | None = None
    clear: list[Clearable] | None = Field(
        default=None,
        description="Fields to empty. A field left out or blank is left as it is; only a "
        "field named here is emptied.",
        examples=[["summary_ru", "planned_end"]],
    )

    @field_validator("plan_areas", "national_projects", "regions")
    @classmethod
    def no_duplicates(cls, values: list[str] | None) -> list[str] | None:
        if values is not None and len(set(values)) != len(values):
            raise ValueError("a code is listed twice")
        return values

    def given(self) -> dict[str, object]:
        """The fields that were given a value (None and blanks mean: leave as it is)."""
        return {
            name: getattr(self, name)
            for name in self.model_fields_set
            if getattr(self, name) not in (None, "")
        }
