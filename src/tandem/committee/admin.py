from django.contrib import admin

from tandem.committee.models import (
    ActionItem,
    AgendaItem,
    BriefingJob,
    Committee,
    CommitteeSession,
    Decision,
    DecisionPublicMark,
    Delegate,
    SessionCoChair,
    SessionNote,
    WorkingGroup,
)
from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin


@admin.register(Committee)
class CommitteeAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "programme")


class CoChairInline(admin.TabularInline[SessionCoChair, CommitteeSession]):
    model = SessionCoChair
    extra = 0


class DelegateInline(admin.TabularInline[Delegate, CommitteeSession]):
    model = Delegate
    extra = 0


@admin.register(CommitteeSession)
class CommitteeSessionAdmin(TranslatedHistoryAdmin):
    list_display = ("number", "committee", "start_date", "city", "status", "is_illustrative")
    list_filter = ("status", "is_illustrative")
    inlines = [CoChairInline, DelegateInline]


@admin.register(SessionCoChair)
class SessionCoChairAdmin(TranslatedHistoryAdmin):
    list_display = ("session", "person", "side", "title")


@admin.register(WorkingGroup)
class WorkingGroupAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name", "committee", "is_illustrative")


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslatedHistoryAdmin):
    list_display = ("session", "number", "title", "source", "is_illustrative")
    list_filter = ("source", "is_illustrative")
    raw_id_fields = ("projects", "action_items")


class PublicMarkInline(admin.TabularInline[DecisionPublicMark, Decision]):
    model = DecisionPublicMark
    extra = 0


@admin.register(Decision)
class DecisionAdmin(TranslatedHistoryAdmin):
    list_display = ("session", "number", "is_public", "is_illustrative")
    list_filter = ("is_public", "is_illustrative")
    raw_id_fields = ("projects",)
    inlines = [PublicMarkInline]


@admin.register(ActionItem)
class ActionItemAdmin(TranslatedHistoryAdmin):
    list_display = ("session", "number", "title", "owner_side", "due_date", "status")
    list_filter = ("status", "owner_side", "is_illustrative")
    raw_id_fields = ("projects",)


@admin.register(SessionNote)
class SessionNoteAdmin(HistoryAdmin):
    list_display = ("session", "side", "author", "created_at")


@admin.register(BriefingJob)
class BriefingJobAdmin(admin.ModelAdmin[BriefingJob]):
    list_display = ("session", "language", "file_format", "status", "progress", "created_at")
    list_filter = ("status",)
