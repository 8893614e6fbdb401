"""Pages to add, change and delete a project's records from its page: financing lines,
milestones, results (with their values per period) and sources.

Whoever may change the project may change its records (anyone else gets 404, as on the
project's edit page). Every form carries the project's version as the page saw it: saving
over a newer change by someone else is refused with a message, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import BaseModel
from pydantic import ValidationError as SchemaError

from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required
from tandem.interop.tabular.records import BY_NAME, record_csv_chunks
from tandem.projects import record_schemas as schemas
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    JointProject,
    Milestone,
    ResultIndicator,
    Source,
)
from tandem.projects.record_forms import (
    FinancingLineForm,
    MilestoneForm,
    RecordForm,
    ResultForm,
    ResultValueFormSet,
    SourceForm,
    value_rows,
)
from tandem.projects.selectors.registry import project_detail, projects_for_export
from tandem.projects.services import records
from tandem.projects.services.projects import StaleEditError
from tandem.web.form_errors import add_service_errors
from tandem.web.projects import EXPORT_LIMIT
from tandem.web.projects import _filter_form as registry_filter_form


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: its model, form, schemas, services and the page's section."""

    slug: str
    model: type[models.Model]
    form: type[RecordForm]
    create_schema: type[BaseModel]
    change_schema: type[BaseModel]
    create: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[..., Any]
    argument: str  # the services' keyword for the record
    anchor: str  # the id of the project page's section
    add_title: Promise
    edit_title: Promise


KINDS = {
    kind.slug: kind
    for kind in (
        RecordKind(
            "financing",
            FinancingLine,
            FinancingLineForm,
            schemas.FinancingLineIn,
            schemas.FinancingLineChanges,
            records.financing_line_create,
            records.financing_line_update,
            records.financing_line_delete,
            "line",
            "money-heading",
            gettext_lazy("Add a financing line"),
            gettext_lazy("Change a financing line"),
        ),
        RecordKind(
            "milestones",
            Milestone,
            MilestoneForm,
            schemas.MilestoneIn,
            schemas.MilestoneChanges,
            records.milestone_create,
            records.milestone_update,
            records.milestone_delete,
            "milestone",
            "milestones-heading",
            gettext_lazy("Add a milestone"),
            gettext_lazy("Change a milestone"),
        ),
        RecordKind(
            "results",
            ResultIndicator,
            ResultForm,
            schemas.ResultIn,
            schemas.ResultChanges,
            records.result_create,
            records.result_update,
            records.result_delete,
            "result",
            "results-heading",
            gettext_lazy("Add a result"),
            gettext_lazy("Change a result"),
        ),
        RecordKind(
            "sources",
            Source,
            SourceForm,
            schemas.SourceIn,
            schemas.SourceChanges,
            records.source_create,
            records.source_update,
            records.source_delete,
            "source",
            "sources-heading",
            gettext_lazy("Add a source"),
            gettext_lazy("Change a source"),
        ),
    )
}


def _kind(slug: str) -> RecordKind:
    if slug not in KINDS:
        raise Http404(_("No such kind of record."))
    return KINDS[slug]


def _project_to_change(request: HttpRequest, code: str) -> JointProject:
    """The project, if the user may change it; 404 otherwise (as on its edit page)."""
    project = project_detail(request.user, code)
    if project is None or not check(request.user, "projects.change_project", project):
        raise Http404(_("No such joint project."))
    return project


def _record(kind: RecordKind, project: JointProject, pk: int) -> Any:
    record = kind.model._default_manager.filter(project=project, pk=pk).first()
    if record is None:
        raise Http404(_("The project has no such record."))
    return record


def _back(project: JointProject, kind: RecordKind) -> str:
    return reverse("web:project_detail", args=[project.code]) + f"#{kind.anchor}"


def _values_formset(request: HttpRequest, kind: RecordKind, record: Any) -> Any:
    if kind.slug != "results":
        return None
    queryset = record.values.all() if record is not None else IndicatorValue.objects.none()
    return ResultValueFormSet(request.POST or None, queryset=queryset, prefix="values")


def _save(
    request: HttpRequest, kind: RecordKind, form: RecordForm, formset: Any, target: Any
) -> bool:
    """Give the form's data to the service; on refusal, the reason goes onto the form."""
    data = form.record_data()
    if formset is not None:
        data["values"] = value_rows(formset)
    version = form.cleaned_data["version"]
    user = signed_in(request.user)
    try:
        if isinstance(target, JointProject):
            kind.create(
                project=target,
                expected_version=version,
                data=kind.create_schema.model_validate(data),
                actor=user,
            )
        else:
            kind.update(
                **{kind.argument: target},
                expected_version=version,
                changes=kind.change_schema.model_validate(data),
                actor=user,
            )
    except StaleEditError as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        add_service_errors(form, error)
    except SchemaError as error:
        for problem in error.errors():
            where = ".".join(str(piece) for piece in problem["loc"])
            form.add_error(None, f"{where}: {problem['msg']}")
    return not form.errors


def _form_page(
    request: HttpRequest, kind: RecordKind, project: JointProject, record: Any
) -> HttpResponse:
    form = kind.form(request.POST or None, instance=record, initial={"version": project.version})
    formset = _values_formset(request, kind, record)
    if request.method == "POST":
        valid = form.is_valid() and (formset is None or formset.is_valid())
        if valid and _save(request, kind, form, formset, record or project):
            messages.success(request, _("Saved on project %(code)s.") % {"code": project.code})
            return HttpResponseRedirect(_back(project, kind))
    return render(
        request,
        "web/projects/record_form.html",
        {
            "project": project,
            "kind": kind,
            "record": record,
            "form": form,
            "formset": formset,
            "title": kind.edit_title if record else kind.add_title,
            "back": _back(project, kind),
        },
    )


@permission_required("projects.view_registry")
def record_new(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    spec = _kind(kind)
    return _form_page(request, spec, _project_to_change(request, code), None)


@permission_required("projects.view_registry")
def record_edit(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    spec = _kind(kind)
    project = _project_to_change(request, code)
    return _form_page(request, spec, project, _record(spec, project, pk))


@permission_required("projects.view_registry")
def record_delete(request: HttpRequest, code: str, kind: str, pk: int) -> HttpResponse:
    spec = _kind(kind)
    project = _project_to_change(request, code)
    record = _record(spec, project, pk)
    problem = ""
    if request.method == "POST":
        version = request.POST.get("version", "")
        user = signed_in(request.user)
        try:
            if not version.isdigit():
                raise ValidationError(_("The form lacks the project's version: reload the page."))
            spec.delete(**{spec.argument: record}, expected_version=int(version), actor=user)
        except (StaleEditError, ValidationError) as error:
            problem = str(error) if isinstance(error, StaleEditError) else " ".join(error.messages)
        else:
            messages.success(request, _("Deleted from project %(code)s.") % {"code": project.code})
            return HttpResponseRedirect(_back(project, spec))
    return render(
        request,
        "web/projects/record_delete.html",
        {
            "project": project,
            "kind": spec,
            "record": record,
            "problem": problem,
            "back": _back(project, spec),
        },
    )


@permission_required("projects.export_projects")
def records_export(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    """One kind of record of the projects the registry's filters select, as CSV."""
    table = BY_NAME.get(kind)
    if table is None:
        raise Http404(_("No such kind of record."))
    filters = registry_filter_form(request).to_filters()
    ids = list(
        projects_for_export(request.user, filters, EXPORT_LIMIT).values_list("pk", flat=True)
    )
    response = StreamingHttpResponse(
        record_csv_chunks(table, ids), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    # Records of illustrative projects say so in the file's name, as the registry's own
    # export does in a column (the record files' columns are read back by the import as is).
    illustrative = JointProject.objects.filter(pk__in=ids, is_illustrative=True).exists()
    name = f"joint-projects-{kind}-illustrative" if illustrative else f"joint-projects-{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


urlpatterns = [
    path("<str:kind>/new/", record_new, name="project_record_new"),
    path("<str:kind>/<int:pk>/edit/", record_edit, name="project_record_edit"),
    path("<str:kind>/<int:pk>/delete/", record_delete, name="project_record_delete"),
]
