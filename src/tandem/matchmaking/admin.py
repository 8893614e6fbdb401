from django.contrib import admin

from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.matchmaking.models import CompanyProfile, Introduction


@admin.register(CompanyProfile)
class CompanyProfileAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "country", "state", "consent_to_show", "language", "is_illustrative")
    list_filter = ("state", "country", "consent_to_show", "language", "is_illustrative")
    search_fields = ("name", "search_text")
    readonly_fields = ("indexed_at", "version")


@admin.register(Introduction)
class IntroductionAdmin(HistoryAdmin):
    list_display = ("requester", "recipient", "status", "outcome", "met_on", "created_at")
    list_filter = ("status", "outcome", "venue")
    raw_id_fields = ("requester", "recipient", "joint_project")
