from django.contrib import admin

from tandem.core.admin_base import HistoryAdmin
from tandem.interop.models import IatiActivity, OrganisationToReview


@admin.register(IatiActivity)
class IatiActivityAdmin(HistoryAdmin):
    list_display = ("project", "default_currency", "source", "last_updated")
    search_fields = ("project__code", "project__iati_identifier")
    raw_id_fields = ("project",)


@admin.register(OrganisationToReview)
class OrganisationToReviewAdmin(HistoryAdmin):
    list_display = ("organisation", "reason", "source", "created_at")
    search_fields = ("organisation__name", "organisation__iati_ref")
    raw_id_fields = ("organisation",)
