from tandem.committee.models.action import ActionItem, SessionNote
from tandem.committee.models.agenda import AgendaItem, Delegate, WorkingGroup
from tandem.committee.models.briefing import BriefingJob
from tandem.committee.models.committee import Committee, CommitteeSession, SessionCoChair
from tandem.committee.models.decision import DECISION_LANGUAGES, Decision, DecisionPublicMark

__all__ = [
    "DECISION_LANGUAGES",
    "ActionItem",
    "AgendaItem",
    "BriefingJob",
    "Committee",
    "CommitteeSession",
    "Decision",
    "DecisionPublicMark",
    "Delegate",
    "SessionCoChair",
    "SessionNote",
    "WorkingGroup",
]
