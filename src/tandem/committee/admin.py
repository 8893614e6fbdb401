from django.contrib import admin

from tandem.committee.models import Committee, CommitteeSession, SessionCoChair
from tandem.core.admin_base import TranslatedHistoryAdmin


@admin.register(Committee)
class CommitteeAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "programme")


class CoChairInline(admin.TabularInline[SessionCoChair, CommitteeSession]):
    model = SessionCoChair
    extra = 0


@admin.register(CommitteeSession)
class CommitteeSessionAdmin(TranslatedHistoryAdmin):
    list_display = ("number", "committee", "start_date", "city", "status")
    list_filter = ("status",)
    inlines = [CoChairInline]


@admin.register(SessionCoChair)
class SessionCoChairAdmin(TranslatedHistoryAdmin):
    list_display = ("session", "person", "side", "title")
