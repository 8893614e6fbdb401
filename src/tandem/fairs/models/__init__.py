from tandem.fairs.models.fair import Fair
from tandem.fairs.models.job import ScheduleJob
from tandem.fairs.models.participant import FairParticipant, Interpreter
from tandem.fairs.models.request import MeetingRequest
from tandem.fairs.models.schedule import (
    AgendaNotice,
    ScheduledMeeting,
    ScheduleVersion,
    UnplacedRequest,
)
from tandem.fairs.models.timetable import MeetingSlot, MeetingTable

__all__ = [
    "AgendaNotice",
    "Fair",
    "FairParticipant",
    "Interpreter",
    "MeetingRequest",
    "MeetingSlot",
    "MeetingTable",
    "ScheduleJob",
    "ScheduleVersion",
    "ScheduledMeeting",
    "UnplacedRequest",
]
