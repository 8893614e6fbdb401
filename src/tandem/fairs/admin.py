from django.contrib import admin

from tandem.core.admin_base import TranslatedHistoryAdmin
from tandem.fairs.models import Fair


@admin.register(Fair)
class FairAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "start_date", "end_date", "city", "is_illustrative")
    list_filter = ("country", "is_illustrative")
