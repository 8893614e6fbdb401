"""The trade monitor in the admin: HS names per language, the chapter table, imports, FDI.

Flows and aggregates are not edited by hand: an import is deleted and imported again."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tandem.core.actors import signed_in
from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.trade.models import ChapterPlanArea, FdiFigure, HsCode, ImportBatch
from tandem.trade.services.imports import batch_delete
from tandem.trade.services.publish import PUBLISH, trade_dataset_publish


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
    list_display = (
        "file_name", "source", "rows", "first_year", "last_year", "is_public", "created_at",
    )  # fmt: skip
    list_filter = ("is_public", "source")
    readonly_fields = ("rows", "skipped", "encoding", "first_year", "last_year", "reporters")
    actions = ("publish", "withdraw")

    def get_readonly_fields(self, request: HttpRequest, obj: ImportBatch | None = None) -> Any:
        # Publishing goes through the service (secretariat only, on the record).
        return (*self.readonly_fields, "is_public")

    @admin.action(description=_("Publish on the open-data portal"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[ImportBatch]) -> None:
        for batch in queryset:
            trade_dataset_publish(batch=batch, public=True, actor=signed_in(request.user))

    @admin.action(description=_("Withdraw from the open-data portal"), permissions=["publish"])
    def withdraw(self, request: HttpRequest, queryset: QuerySet[ImportBatch]) -> None:
        for batch in queryset:
            trade_dataset_publish(batch=batch, public=False, actor=signed_in(request.user))

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(PUBLISH))

    # Deleting an import goes through the service, which also refreshes what the pages read.
    def delete_model(self, request: HttpRequest, obj: ImportBatch) -> None:
        batch_delete(batch=obj, actor=signed_in(request.user))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ImportBatch]) -> None:
        for batch in queryset:
            batch_delete(batch=batch, actor=signed_in(request.user))


@admin.register(FdiFigure)
class FdiFigureAdmin(HistoryAdmin):
    list_display = ("year", "investor", "host", "kind", "value", "currency", "is_illustrative")
