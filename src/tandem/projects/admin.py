from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.projects.models import (
    ConfidentialNote,
    ExchangeRate,
    FinancingLine,
    IndicatorValue,
    JointProject,
    Milestone,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    ResultIndicator,
    Sector,
    Source,
    StatusChange,
)
from tandem.projects.services.projects import project_written_elsewhere


class PlanAreaInline(admin.TabularInline[ProjectPlanArea, JointProject]):
    model = ProjectPlanArea
    extra = 0


class ParticipantInline(admin.TabularInline[Participant, JointProject]):
    model = Participant
    extra = 0
    autocomplete_fields = ("organisation",)


class AspectInline(admin.TabularInline[ProjectAspect, JointProject]):
    model = ProjectAspect
    extra = 0


class SectorInline(admin.TabularInline[Sector, JointProject]):
    model = Sector
    extra = 0


class FinancingInline(admin.TabularInline[FinancingLine, JointProject]):
    model = FinancingLine
    extra = 0


class StatusChangeInline(admin.TabularInline[StatusChange, JointProject]):
    model = StatusChange
    extra = 0
    readonly_fields = ("recorded_at",)


@admin.register(JointProject)
class JointProjectAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "title", "status", "status_date", "disclosure", "is_illustrative")
    list_filter = ("status", "disclosure", "is_illustrative")
    search_fields = ("code", "title_en", "title_ja", "title_ru")
    readonly_fields = ("version",)
    filter_horizontal = ("national_projects", "regions")
    inlines = [
        PlanAreaInline,
        ParticipantInline,
        AspectInline,
        SectorInline,
        FinancingInline,
        StatusChangeInline,
    ]

    # The admin writes the rows itself: keep up what the services keep besides them.
    def save_related(
        self, request: HttpRequest, form: ModelForm[JointProject], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        project_written_elsewhere(form.instance)

    def delete_model(self, request: HttpRequest, obj: JointProject) -> None:
        super().delete_model(request, obj)
        project_written_elsewhere()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[JointProject]) -> None:
        super().delete_queryset(request, queryset)
        project_written_elsewhere()


@admin.register(Milestone)
class MilestoneAdmin(TranslatedHistoryAdmin):
    list_display = ("project", "title", "due_date", "done_date")
    search_fields = ("project__code",)


class IndicatorValueInline(admin.TabularInline[IndicatorValue, ResultIndicator]):
    model = IndicatorValue
    extra = 0


@admin.register(ResultIndicator)
class ResultIndicatorAdmin(TranslatedHistoryAdmin):
    list_display = ("project", "title", "unit", "baseline", "target")
    search_fields = ("project__code",)
    inlines = [IndicatorValueInline]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ("project", "kind", "title", "date")
    list_filter = ("kind",)
    search_fields = ("project__code", "title")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(HistoryAdmin):
    list_display = ("currency", "date", "per_usd", "source")
    list_filter = ("currency",)


@admin.register(ConfidentialNote)
class ConfidentialNoteAdmin(HistoryAdmin):
    """Superusers only: the admin is outside the per-side rules, like database access."""

    list_display = ("project", "side", "created_at")
    list_filter = ("side",)
