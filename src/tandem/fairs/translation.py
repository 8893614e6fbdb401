from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.fairs.models import (
    Fair,
    FairParticipant,
    Interpreter,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    ScheduledMeeting,
    ScheduleVersion,
)


class FairTranslation(TranslationOptions):
    fields = ("name", "city", "venue")


translator.register(Fair, FairTranslation)
track_history(Fair)
# Untranslated models: participants' names are proper names; the rest has no free text.
track_history(
    MeetingSlot,
    MeetingTable,
    FairParticipant,
    Interpreter,
    MeetingRequest,
    ScheduleVersion,
    ScheduledMeeting,
)
