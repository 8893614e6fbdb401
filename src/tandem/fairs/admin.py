from django.contrib import admin

from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.fairs.models import (
    Fair,
    FairParticipant,
    Interpreter,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    ScheduleJob,
    ScheduleVersion,
)


@admin.register(Fair)
class FairAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "start_date", "end_date", "city", "is_illustrative")
    list_filter = ("country", "is_illustrative")


@admin.register(MeetingSlot)
class MeetingSlotAdmin(HistoryAdmin):
    list_display = ("code", "fair", "start", "end")
    list_filter = ("fair",)


@admin.register(MeetingTable)
class MeetingTableAdmin(HistoryAdmin):
    list_display = ("code", "fair")
    list_filter = ("fair",)


@admin.register(FairParticipant)
class FairParticipantAdmin(HistoryAdmin):
    list_display = ("name", "fair", "side", "is_exhibitor", "booth", "is_illustrative")
    list_filter = ("fair", "side", "is_exhibitor", "is_illustrative")
    search_fields = ("name", "booth")
    raw_id_fields = ("organisation", "person")
    filter_horizontal = ("available_slots",)


@admin.register(Interpreter)
class InterpreterAdmin(HistoryAdmin):
    list_display = ("name", "fair", "languages")
    list_filter = ("fair",)
    filter_horizontal = ("available_slots",)


@admin.register(MeetingRequest)
class MeetingRequestAdmin(HistoryAdmin):
    """Read-mostly: requests are made and answered through the pages and the API."""

    list_display = ("code", "fair", "sender", "receiver", "priority", "status", "expires_at")
    list_filter = ("fair", "status", "priority")
    raw_id_fields = ("sender", "receiver")
    readonly_fields = ("status", "created_at", "expires_at", "responded_at", "created_by")


@admin.register(ScheduleVersion)
class ScheduleVersionAdmin(HistoryAdmin):
    """Read-only: versions are computed, adjusted and published through the pages."""

    list_display = ("fair", "number", "status", "objective", "bound", "baseline", "created_at")
    list_filter = ("fair", "status")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ScheduleJob)
class ScheduleJobAdmin(admin.ModelAdmin[ScheduleJob]):
    list_display = ("fair", "status", "time_limit", "seed", "version", "created_at")
    list_filter = ("status", "fair")
    readonly_fields = ("version", "started_at", "finished_at")
