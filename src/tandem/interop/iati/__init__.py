"""IATI 2.03 export and import of the joint-project registry (pure Python, no Django).

- :mod:`.records`: the frozen records the Django side converts its models to and from;
- :mod:`.export`: :func:`write_activities`, streaming, one mapper per element (:data:`ELEMENTS`);
- :mod:`.importer`: :func:`read_activities`, streaming and hardened against hostile XML;
- :mod:`.schemas`: the official 2.03 XSDs located at run time, and :func:`validate`;
- :mod:`.codelists`: IATI codelists (and our plan areas and national projects) as versioned data;
- :mod:`.mapping`: how our statuses, roles and financing kinds map onto IATI codes.
"""

from .elements.base import ExportError
from .export import ELEMENTS, write_activities
from .importer import DEFAULT_MAX_BYTES, read_activities, read_all
from .records import (
    ActivityRecord,
    BaselineRecord,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    ImportProblem,
    IndicatorRecord,
    Measure,
    OrgRef,
    ParticipantRecord,
    ParticipantRole,
    PeriodRecord,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    ReportingOrg,
    ResultKind,
    ResultRecord,
    SectorRecord,
)
from .schemas import validate

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ELEMENTS",
    "ActivityRecord",
    "BaselineRecord",
    "ExportError",
    "FinancingKind",
    "FinancingRecord",
    "FinancingStage",
    "ImportProblem",
    "IndicatorRecord",
    "Measure",
    "OrgRef",
    "ParticipantRecord",
    "ParticipantRole",
    "PeriodRecord",
    "ProjectStatus",
    "RecipientCountry",
    "RegionRecord",
    "ReportingOrg",
    "ResultKind",
    "ResultRecord",
    "SectorRecord",
    "read_activities",
    "read_all",
    "validate",
    "write_activities",
]
