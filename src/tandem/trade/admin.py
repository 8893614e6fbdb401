"""The trade monitor in the admin: HS names per language, the chapter table, imports, FDI.

Flows and aggregates are not edited by hand: an import is deleted and imported again."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from tandem.core.actors import signed_in
from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.trade.models import ChapterPlanArea, FdiFigure, HsCode, ImportBatch
from tandem.trade.services.imports import batch_delete


@admin.register(HsCode)
class HsCodeAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "level", "name")
    list_filter = ("level",)
    search_fields = ("code", "name_en", "name_ja", "name_ru")


@admin.register(ChapterPlanArea)
class ChapterPlanAreaAdmin(HistoryAdmin):
    list_display = ("chapter", "plan_area_code", "note")


@admin.register(ImportBatch)
class ImportBatchAdmin(HistoryAdmin):
    list_display = ("file_name", "source", "rows", "first_year", "last_year", "created_at")
    readonly_fields = ("rows", "skipped", "encoding", "first_year", "last_year", "reporters")

    # Deleting an import goes through the service, which also refreshes what the pages read.
    def delete_model(self, request: HttpRequest, obj: ImportBatch) -> None:
        batch_delete(batch=obj, actor=signed_in(request.user))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ImportBatch]) -> None:
        for batch in queryset:
            batch_delete(batch=batch, actor=signed_in(request.user))


@admin.register(FdiFigure)
class FdiFigureAdmin(HistoryAdmin):
    list_display = ("year", "investor", "host", "kind", "value", "currency", "is_illustrative")
