from tandem.projects.models.finance import ExchangeRate, FinancingLine
from tandem.projects.models.note import ConfidentialNote
from tandem.projects.models.participant import Participant
from tandem.projects.models.project import JointProject, ProjectAspect, ProjectPlanArea, Sector
from tandem.projects.models.record import Milestone, Source, StatusChange
from tandem.projects.models.result import IndicatorValue, ResultIndicator

__all__ = [
    "ConfidentialNote",
    "ExchangeRate",
    "FinancingLine",
    "IndicatorValue",
    "JointProject",
    "Milestone",
    "Participant",
    "ProjectAspect",
    "ProjectPlanArea",
    "ResultIndicator",
    "Sector",
    "Source",
    "StatusChange",
]
