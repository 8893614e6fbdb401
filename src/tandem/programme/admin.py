from django.contrib import admin

from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.programme.models import IntendedAlignment, NationalProject, PlanArea, Programme


@admin.register(Programme)
class ProgrammeAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name", "plan_side", "partner_side")


@admin.register(PlanArea)
class PlanAreaAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name", "programme")
    search_fields = ("code", "name_en", "name_ja", "name_ru")


@admin.register(NationalProject)
class NationalProjectAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name", "programme")
    search_fields = ("code", "name_en", "name_ja", "name_ru")


@admin.register(IntendedAlignment)
class IntendedAlignmentAdmin(HistoryAdmin):
    list_display = ("plan_area", "national_project", "note", "is_illustrative")
    list_filter = ("plan_area", "is_illustrative")
