"""Schedule pages for organisers: computing a version in the background (a job page that
follows its progress), a version with its table plan and unplaced requests, pinning, moving
by hand, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.actors import signed_in
from tandem.core.permissions import permission_required
from tandem.fairs.enums import RUNNING_JOB_STATUSES
from tandem.fairs.exporters.pdf import table_plan_pdf
from tandem.fairs.forms import ComputeForm, MoveForm
from tandem.fairs.models import Fair, ScheduledMeeting, ScheduleJob
from tandem.fairs.selectors.agenda import slot_options, table_plan
from tandem.fairs.services.schedules import (
    MAX_TIME_LIMIT,
    meeting_move,
    meeting_pin,
    schedule_publish,
)
from tandem.fairs.tasks import schedule_start
from tandem.web.fairs.common import error_text, get_fair, get_version
from tandem.web.fairs.reasons import translated_unplaced


@require_POST
@permission_required("fairs.manage_meetings")
def version_compute(request: HttpRequest, slug: str) -> HttpResponse:
    """Hand the computation to the task worker and show its job page."""
    fair = get_fair(slug)
    form = ComputeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Give a time limit between 1 and %(max)s seconds and a seed.")
            % {"max": f"{MAX_TIME_LIMIT:g}"},
        )
        return HttpResponseRedirect(reverse("web:fair_detail", args=[fair.slug]))
    try:
        job = schedule_start(
            fair=fair,
            time_limit=form.cleaned_data["time_limit"],
            seed=form.cleaned_data["seed"],
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return HttpResponseRedirect(reverse("web:fair_detail", args=[fair.slug]))
    return HttpResponseRedirect(reverse("web:fair_schedule_job", args=[fair.slug, job.pk]))


@permission_required("fairs.manage_meetings")
def schedule_job(request: HttpRequest, slug: str, job: int) -> HttpResponse:
    """A computation's progress (htmx polls the status part) and its result or failure."""
    fair = get_fair(slug)
    target = get_object_or_404(ScheduleJob.objects.select_related("version"), pk=job, fair=fair)
    template = (
        "web/fairs/_job_status.html"
        if request.headers.get("HX-Request")
        else "web/fairs/schedule_job.html"
    )
    return render(
        request,
        template,
        {
            "fair": fair,
            "job": target,
            "progress": target.progress(),
            "running": target.status in RUNNING_JOB_STATUSES,
        },
    )


@permission_required("fairs.manage_meetings")
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    fair = get_fair(slug)
    version = get_version(fair, number)
    return render(
        request,
        "web/fairs/version.html",
        {
            "fair": fair,
            "version": version,
            "plan": table_plan(version),
            "unplaced": translated_unplaced(version),
            "slot_options": slot_options(fair),
            "shows_illustrative": version.is_illustrative,
        },
    )


@permission_required("fairs.manage_meetings")
def version_plan_pdf(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    fair = get_fair(slug)
    version = get_version(fair, number)
    context = {"fair": fair, "version": version, "plan": table_plan(version)}
    response = HttpResponse(table_plan_pdf(context), content_type="application/pdf")
    name = f"table-plan-{fair.slug}-v{version.number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _meeting(fair: Fair, number: int, pk: int) -> ScheduledMeeting:
    return get_object_or_404(
        ScheduledMeeting.objects.select_related("version__fair"),
        pk=pk,
        version__fair=fair,
        version__number=number,
    )


@require_POST
@permission_required("fairs.manage_meetings")
def meeting_pin_toggle(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    fair = get_fair(slug)
    meeting = _meeting(fair, number, pk)
    try:
        meeting_pin(meeting=meeting, pinned=not meeting.pinned, actor=signed_in(request.user))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return HttpResponseRedirect(
        reverse("web:fair_version", args=[fair.slug, number]) + f"#slot-{meeting.slot_id}"
    )


@require_POST
@permission_required("fairs.manage_meetings")
def meeting_move_view(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    fair = get_fair(slug)
    meeting = _meeting(fair, number, pk)
    form = MoveForm(request.POST, fair=fair)
    if not form.is_valid():
        messages.error(request, _("Choose a slot to move the meeting to."))
    else:
        try:
            meeting_move(
                meeting=meeting,
                slot=form.cleaned_data["slot"],
                table=form.cleaned_data["table"],
                interpreter=form.cleaned_data["interpreter"],
                actor=signed_in(request.user),
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The meeting was not moved: %(why)s") % {"why": error_text(error)},
            )
        else:
            messages.success(request, _("Meeting moved and pinned."))
    return HttpResponseRedirect(
        reverse("web:fair_version", args=[fair.slug, number]) + f"#slot-{meeting.slot_id}"
    )


@require_POST
@permission_required("fairs.manage_meetings")
def version_publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    fair = get_fair(slug)
    version = get_version(fair, number)
    try:
        schedule_publish(version=version, actor=signed_in(request.user))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Version %(n)s published.") % {"n": version.number})
    return HttpResponseRedirect(reverse("web:fair_version", args=[fair.slug, number]))
