"""Records that describe a joint project as IATI 2.03 needs it.

Pure Python, no Django: the Django side converts its models to these records before an export
and back after an import. Records are frozen; sequences are tuples. Multilingual text is a
``dict`` from an ISO 639-1 language code (``"en"``, ``"ja"``, ``"ru"``) to the text.

How our words map onto IATI codes is in :mod:`tandem.interop.iati.mapping`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

#: Multilingual text: language code -> text.
Text = dict[str, str]


class ProjectStatus(StrEnum):
    """Status of a joint project in the registry."""

    IDEA = "idea"
    NEGOTIATION = "negotiation"
    AGREED = "agreed"
    UNDER_IMPLEMENTATION = "under_implementation"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class ParticipantRole(StrEnum):
    """Role of a participant in a joint project."""

    LEAD = "lead"
    PARTNER = "partner"
    FUNDER = "funder"
    IMPLEMENTER = "implementer"


class FinancingKind(StrEnum):
    """Instrument of a financing line."""

    INVESTMENT = "investment"
    LOAN = "loan"
    GRANT = "grant"
    TRADE_FINANCE = "trade_finance"
    UNSPECIFIED = "unspecified"


class FinancingStage(StrEnum):
    """How firm a financing line is.

    ``planned`` lines are published as ``<budget>`` (they cover a period), the others as
    ``<transaction>`` (they happen on a date).
    """

    PLANNED = "planned"
    PLEDGED = "pledged"
    COMMITTED = "committed"
    DISBURSED = "disbursed"


class ResultKind(StrEnum):
    """IATI ResultType in words."""

    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"
    OTHER = "other"


class Measure(StrEnum):
    """IATI IndicatorMeasure in words."""

    UNIT = "unit"
    PERCENTAGE = "percentage"
    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    QUALITATIVE = "qualitative"


@dataclass(frozen=True, slots=True)
class ReportingOrg:
    """The organisation that publishes the file (one per file).

    ``vocabulary_base_uri`` is where the reporting organisation publishes its own code lists
    (regions, plan areas, national projects); it is written as ``vocabulary-uri`` of codes
    in vocabulary 99.
    """

    ref: str
    type_code: str
    names: Text
    vocabulary_base_uri: str
    secondary_reporter: bool = False


@dataclass(frozen=True, slots=True)
class OrgRef:
    """An organisation named in a financing line (provider or receiver)."""

    names: Text = field(default_factory=dict)
    ref: str | None = None
    type_code: str | None = None


@dataclass(frozen=True, slots=True)
class ParticipantRecord:
    """A participant of a joint project; ``country`` is ISO 3166-1 alpha-2 ("JP", "RU")."""

    names: Text
    role: ParticipantRole
    ref: str | None = None
    type_code: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class RecipientCountry:
    code: str
    percentage: Decimal | None = None


@dataclass(frozen=True, slots=True)
class RegionRecord:
    """A region; vocabulary "99" is our own region list, "1"/"2" are IATI's (OECD DAC, UN)."""

    code: str
    vocabulary: str = "99"
    names: Text = field(default_factory=dict)
    percentage: Decimal | None = None


@dataclass(frozen=True, slots=True)
class SectorRecord:
    """A sector in an IATI SectorVocabulary (default "1": DAC 5-digit purpose codes)."""

    code: str
    vocabulary: str = "1"
    vocabulary_uri: str | None = None
    names: Text = field(default_factory=dict)
    percentage: Decimal | None = None


@dataclass(frozen=True, slots=True)
class FinancingRecord:
    """One financing line of a joint project.

    ``date`` is the transaction date (and value date unless ``value_date`` is given); for
    budgets and planned disbursements it is the start of the period and ``period_end`` its end.
    ``line_type`` is what the line is in IATI's terms, in words ("budget",
    "planned_disbursement", or a transaction type such as "expenditure": see
    :data:`mapping.TRANSACTION_TYPES`); None means the ``stage`` decides. ``flow_type`` and
    ``finance_type`` override the defaults of ``kind`` (see :data:`mapping.KIND_DEFAULTS`);
    None means the default. A ``<budget>`` has no flow or finance type, description, provider
    or receiver, so these are not published for budgets (and come back empty).
    """

    kind: FinancingKind
    stage: FinancingStage
    amount: Decimal
    currency: str
    date: dt.date
    period_end: dt.date | None = None
    provider: OrgRef | None = None
    receiver: OrgRef | None = None
    descriptions: Text = field(default_factory=dict)
    flow_type: str | None = None
    finance_type: str | None = None
    line_type: str | None = None
    value_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BaselineRecord:
    """A baseline; ``text`` holds a value that is not a number ("No", "Not assessed")."""

    year: int
    value: Decimal | None = None
    iso_date: date | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    """A reporting period; ``*_text`` hold target and actual values that are not numbers."""

    start: date
    end: date
    target: Decimal | None = None
    actual: Decimal | None = None
    target_text: str | None = None
    actual_text: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorRecord:
    titles: Text
    measure: Measure = Measure.UNIT
    ascending: bool | None = None
    descriptions: Text = field(default_factory=dict)
    baseline: BaselineRecord | None = None
    periods: tuple[PeriodRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ResultRecord:
    kind: ResultKind
    titles: Text
    indicators: tuple[IndicatorRecord, ...]
    descriptions: Text = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LocationRecord:
    """A ``<location>``: its reference, name, description, point ("lat lon") and codes."""

    ref: str | None = None
    names: Text = field(default_factory=dict)
    descriptions: Text = field(default_factory=dict)
    point: str | None = None
    reach: str | None = None
    exactness: str | None = None
    location_class: str | None = None
    feature_designation: str | None = None
    ids: tuple[tuple[str, str], ...] = ()  # (vocabulary, code)
    administrative: tuple[tuple[str, str, str | None], ...] = ()  # (vocabulary, code, level)


@dataclass(frozen=True, slots=True)
class DocumentLinkRecord:
    """A ``<document-link>``: address, format, title, categories, languages and date."""

    url: str
    format: str
    titles: Text
    categories: tuple[str, ...]
    descriptions: Text = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    date: date | None = None


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    """A joint project as one IATI activity.

    ``code`` is our project code (e.g. "JR-2019-0042"): published as ``other-identifier``
    type A1 and, prefixed with the reporting organisation's ref, as the ``iati-identifier``.
    ``iati_identifier`` is set only when the identifier is not ``f"{reporting_ref}-{code}"``
    (an activity read from someone else's file); ``code`` is then empty when the file gave
    none of ours. ``other_descriptions`` are the descriptions of types other than 1 (general),
    by type code. ``publisher`` is the file's reporting organisation (None: ours).
    """

    code: str
    titles: Text
    descriptions: Text
    status: ProjectStatus
    participants: tuple[ParticipantRecord, ...]
    planned_start: date | None = None
    actual_start: date | None = None
    planned_end: date | None = None
    actual_end: date | None = None
    recipient_countries: tuple[RecipientCountry, ...] = ()
    regions: tuple[RegionRecord, ...] = ()
    sectors: tuple[SectorRecord, ...] = ()
    plan_areas: tuple[str, ...] = ()
    national_projects: tuple[str, ...] = ()
    financing: tuple[FinancingRecord, ...] = ()
    results: tuple[ResultRecord, ...] = ()
    last_updated: datetime | None = None
    default_currency: str | None = None
    iati_identifier: str | None = None
    other_descriptions: dict[str, Text] = field(default_factory=dict)
    locations: tuple[LocationRecord, ...] = ()
    document_links: tuple[DocumentLinkRecord, ...] = ()
    #: The file's reporting organisation (read only; the export names its own).
    publisher: OrgRef | None = field(default=None, compare=False)
    secondary_reporter: bool = False
    #: Made up for demonstration: the export says so in a comment before the activity.
    illustrative: bool = field(default=False, compare=False)
    #: The line of ``<iati-activity>`` in the file read (not part of the activity's value).
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something wrong in an imported file.

    ``activity`` is the 1-based position of the ``<iati-activity>`` in the file, None for a
    problem with the whole file. An ``error`` means the activity (for a file problem: the rest
    of the file) was not imported; a ``warning`` means the activity was imported without the
    part named in ``message``.

    ``message`` is English (the command line's); ``code`` and ``params`` name the problem for
    pages, which render it in the reader's language (``interop.iati_registry.problems``). A
    problem without a code is shown with its English message.
    """

    message: str
    iati_identifier: str | None = None
    line: int | None = None
    severity: Literal["error", "warning"] = "error"
    activity: int | None = None
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @property
    def is_file_problem(self) -> bool:
        return self.activity is None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        if self.iati_identifier:
            who = f"{self.iati_identifier}: "
        elif self.activity is not None:
            who = f"activity {self.activity}: "
        else:
            who = ""
        return f"{self.severity}: {where}{who}{self.message}"
