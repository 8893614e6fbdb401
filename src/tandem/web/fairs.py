"""Pages of the fairs app: fairs, meeting requests, schedule versions, agendas (page, PDF, ICS).

Organisers (``fairs.manage_meetings``) see and do everything; a company representative acts
for their organisation's participant only (``can_act_for``); anyone else signed in sees the
fairs' facts.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.permissions import check, permission_required
from tandem.fairs.enums import OPEN_STATUSES, RequestStatus
from tandem.fairs.exporters.calendar import agenda_calendar
from tandem.fairs.exporters.pdf import agenda_pdf, table_plan_pdf
from tandem.fairs.forms import ComputeForm, MeetingRequestForm, MoveForm, RequestFilterForm
from tandem.fairs.models import (
    Fair,
    FairParticipant,
    MeetingRequest,
    ScheduledMeeting,
    ScheduleVersion,
)
from tandem.fairs.selectors.agenda import (
    can_act_for,
    notices_for,
    participant_agenda,
    participants_of_user,
    published_version,
    request_counts,
    requests_for,
    slot_options,
    table_plan,
    unplaced_with_reasons,
)
from tandem.fairs.services.requests import (
    meeting_request_create,
    meeting_request_respond,
    meeting_request_withdraw,
)
from tandem.fairs.services.schedules import (
    MAX_TIME_LIMIT,
    meeting_move,
    meeting_pin,
    schedule_compute,
    schedule_publish,
)
from tandem.fairs.setup_forms import NEEDS_FAIR, SETUP_FORMS

PAGE_SIZE = 50
PARTICIPANT_SORTS = {
    "name": "name",
    "-name": "-name",
    "side": "side__code",
    "booth": "-is_exhibitor",
}


def _fair(slug: str) -> Fair:
    return get_object_or_404(Fair.objects.select_related("country"), slug=slug)


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@permission_required("fairs.view_fair")
def fair_list(request: HttpRequest) -> HttpResponse:
    fairs = Fair.objects.select_related("country").annotate(
        participant_count=Count("participants", distinct=True),
    )
    return render(request, "web/fairs/list.html", {"fairs": fairs})


@permission_required("fairs.view_fair")
def fair_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _fair(slug)
    organiser = check(request.user, "fairs.manage_meetings")
    sort = request.GET.get("sort", "name")
    participants = (
        FairParticipant.objects.filter(fair=fair)
        .select_related("side")
        .order_by(PARTICIPANT_SORTS.get(sort, "name"), "name")
    )
    page = Paginator(participants, PAGE_SIZE).get_page(request.GET.get("page"))
    slots = fair.slots.order_by("start")
    days: dict[Any, int] = {}
    for slot in slots:
        day = timezone.localtime(slot.start, timezone=ZoneInfo(fair.time_zone)).date()
        days[day] = days.get(day, 0) + 1
    context = {
        "fair": fair,
        "page": page,
        "sort": sort,
        "days": sorted(days.items()),
        "table_count": fair.tables.count(),
        "interpreters": fair.interpreters.all(),
        "counts": request_counts(fair),
        "organiser": organiser,
        "versions": ScheduleVersion.objects.filter(fair=fair) if organiser else [],
        "published": published_version(fair),
        "own": participants_of_user(fair, request.user),
        "can_take_part": check(request.user, "fairs.take_part"),
        "can_set_up": check(request.user, "fairs.change_fair"),
        "compute_form": ComputeForm(),
        "shows_illustrative": any(p.is_illustrative for p in page),
    }
    return render(request, "web/fairs/detail.html", context)


@permission_required("fairs.change_fair")
def fair_setup(request: HttpRequest, slug: str) -> HttpResponse:
    """Meeting days and slots, tables, deadlines, participants and interpreters."""
    fair = _fair(slug)

    def build(key: str, data: Any = None) -> Any:
        form_class = SETUP_FORMS[key]
        return form_class(data, fair=fair) if key in NEEDS_FAIR else form_class(data)

    forms = {key: build(key) for key in SETUP_FORMS}
    posted = request.POST.get("form", "")
    if request.method == "POST" and posted in SETUP_FORMS:
        form = forms[posted] = build(posted, request.POST)
        if form.is_valid():
            try:
                form.save(fair, request.user)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, problems in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, problems)
                else:
                    form.add_error(None, error.messages)
            else:
                messages.success(request, _("Saved."))
                return HttpResponseRedirect(reverse("web:fair_setup", args=[fair.slug]))
    return render(
        request,
        "web/fairs/setup.html",
        {
            "fair": fair,
            "forms": forms,
            "slot_count": fair.slots.count(),
            "table_count": fair.tables.count(),
            "participant_count": fair.participants.count(),
        },
    )


def _request_form(request: HttpRequest, fair: Fair, data: Any = None) -> MeetingRequestForm:
    everyone = FairParticipant.objects.filter(fair=fair).order_by("name")
    senders = (
        everyone
        if check(request.user, "fairs.manage_meetings")
        else participants_of_user(fair, request.user)
    )
    return MeetingRequestForm(data, senders=senders, receivers=everyone)


@permission_required("fairs.take_part")
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _fair(slug)
    filters = RequestFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    requests = requests_for(fair, request.user, status=status).order_by("-created_at", "-pk")
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    own = set(participants_of_user(fair, request.user).values_list("pk", flat=True))
    organiser = check(request.user, "fairs.manage_meetings")
    rows = [
        (
            r,
            r.status == RequestStatus.PENDING and (organiser or r.receiver_id in own),
            r.status in OPEN_STATUSES and (organiser or r.sender_id in own),
        )
        for r in page
    ]
    form = _request_form(request, fair)
    if request.method == "POST":
        form = _request_form(request, fair, request.POST)
        if form.is_valid():
            try:
                made = meeting_request_create(
                    sender=form.cleaned_data["sender"],
                    receiver=form.cleaned_data["receiver"],
                    priority=form.cleaned_data["priority"],
                    message=form.cleaned_data["message"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(
                    request,
                    _("Meeting request sent to %(name)s.") % {"name": made.receiver.name},
                )
                return HttpResponseRedirect(reverse("web:fair_requests", args=[fair.slug]))
    return render(
        request,
        "web/fairs/requests.html",
        {
            "fair": fair,
            "filters": filters,
            "page": page,
            "rows": rows,
            "form": form,
            "query": f"status={status}" if status else "",
            "shows_illustrative": any(r.is_illustrative for r in page),
        },
    )


@require_POST
@permission_required("fairs.take_part")
def request_respond(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fair = _fair(slug)
    meeting_request = get_object_or_404(MeetingRequest, pk=pk, fair=fair)
    answer = request.POST.get("answer")
    side = meeting_request.sender if answer == "withdraw" else meeting_request.receiver
    if not can_act_for(request.user, side):
        raise Http404(_("No such meeting request."))
    try:
        if answer == "withdraw":
            meeting_request_withdraw(request=meeting_request, actor=request.user)
            done = _("Request withdrawn.")
        else:
            accept = answer == "accept"
            meeting_request_respond(request=meeting_request, accept=accept, actor=request.user)
            done = _("Request accepted.") if accept else _("Request declined.")
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, done)
    return HttpResponseRedirect(reverse("web:fair_requests", args=[fair.slug]))


@require_POST
@permission_required("fairs.manage_meetings")
def version_compute(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _fair(slug)
    form = ComputeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Give a time limit between 1 and %(max)s seconds and a seed.")
            % {"max": f"{MAX_TIME_LIMIT:g}"},
        )
        return HttpResponseRedirect(reverse("web:fair_detail", args=[fair.slug]))
    try:
        version = schedule_compute(
            fair=fair,
            time_limit=form.cleaned_data["time_limit"],
            seed=form.cleaned_data["seed"],
            actor=request.user,
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return HttpResponseRedirect(reverse("web:fair_detail", args=[fair.slug]))
    messages.success(request, _("Version %(n)s computed.") % {"n": version.number})
    return HttpResponseRedirect(reverse("web:fair_version", args=[fair.slug, version.number]))


def _version(fair: Fair, number: int) -> ScheduleVersion:
    return get_object_or_404(ScheduleVersion, fair=fair, number=number)


@permission_required("fairs.manage_meetings")
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    fair = _fair(slug)
    version = _version(fair, number)
    return render(
        request,
        "web/fairs/version.html",
        {
            "fair": fair,
            "version": version,
            "plan": table_plan(version),
            "unplaced": unplaced_with_reasons(version),
            "slot_options": slot_options(fair),
            "shows_illustrative": version.is_illustrative,
        },
    )


@permission_required("fairs.manage_meetings")
def version_plan_pdf(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    fair = _fair(slug)
    version = _version(fair, number)
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
    fair = _fair(slug)
    meeting = _meeting(fair, number, pk)
    try:
        meeting_pin(meeting=meeting, pinned=not meeting.pinned, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return HttpResponseRedirect(
        reverse("web:fair_version", args=[fair.slug, number]) + f"#slot-{meeting.slot_id}"
    )


@require_POST
@permission_required("fairs.manage_meetings")
def meeting_move_view(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    fair = _fair(slug)
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
                actor=request.user,
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The meeting was not moved: %(why)s") % {"why": _error_text(error)},
            )
        else:
            messages.success(request, _("Meeting moved and pinned."))
    return HttpResponseRedirect(
        reverse("web:fair_version", args=[fair.slug, number]) + f"#slot-{meeting.slot_id}"
    )


@require_POST
@permission_required("fairs.manage_meetings")
def version_publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    fair = _fair(slug)
    version = _version(fair, number)
    try:
        schedule_publish(version=version, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Version %(n)s published.") % {"n": version.number})
    return HttpResponseRedirect(reverse("web:fair_version", args=[fair.slug, number]))


def _agenda_context(request: HttpRequest, slug: str, pk: int) -> dict[str, Any]:
    fair = _fair(slug)
    participant = get_object_or_404(
        FairParticipant.objects.select_related("side"), pk=pk, fair=fair
    )
    if not can_act_for(request.user, participant):
        raise Http404(_("No such participant."))
    version: ScheduleVersion | None = published_version(fair)
    preview = request.GET.get("version", "")
    if preview.isdigit() and check(request.user, "fairs.manage_meetings"):
        version = _version(fair, int(preview))
    items = participant_agenda(version, participant) if version else []
    return {
        "fair": fair,
        "participant": participant,
        "version": version,
        "items": items,
        "notices": notices_for(participant).filter(version=version)[:50] if version else [],
        "shows_illustrative": participant.is_illustrative,
    }


@permission_required("fairs.take_part")
def agenda(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return render(request, "web/fairs/agenda.html", _agenda_context(request, slug, pk))


@permission_required("fairs.take_part")
def agenda_pdf_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    context = _agenda_context(request, slug, pk)
    response = HttpResponse(agenda_pdf(context), content_type="application/pdf")
    name = f"agenda-{context['fair'].slug}-{pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("fairs.take_part")
def agenda_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    context = _agenda_context(request, slug, pk)
    text = agenda_calendar(
        context["fair"], context["participant"], context["version"], context["items"]
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{slug}-{pk}.ics"'
    return response


urlpatterns = [
    path("", fair_list, name="fair_list"),
    path("<slug:slug>/", fair_detail, name="fair_detail"),
    path("<slug:slug>/setup/", fair_setup, name="fair_setup"),
    path("<slug:slug>/requests/", request_list, name="fair_requests"),
    path("<slug:slug>/requests/<int:pk>/answer/", request_respond, name="fair_request_respond"),
    path("<slug:slug>/schedules/compute/", version_compute, name="fair_compute"),
    path("<slug:slug>/schedules/<int:number>/", version_detail, name="fair_version"),
    path("<slug:slug>/schedules/<int:number>/publish/", version_publish, name="fair_publish"),
    path(
        "<slug:slug>/schedules/<int:number>/table-plan.pdf",
        version_plan_pdf,
        name="fair_table_plan_pdf",
    ),
    path(
        "<slug:slug>/schedules/<int:number>/meetings/<int:pk>/pin/",
        meeting_pin_toggle,
        name="fair_meeting_pin",
    ),
    path(
        "<slug:slug>/schedules/<int:number>/meetings/<int:pk>/move/",
        meeting_move_view,
        name="fair_meeting_move",
    ),
    path("<slug:slug>/agenda/<int:pk>/", agenda, name="fair_agenda"),
    path("<slug:slug>/agenda/<int:pk>/agenda.pdf", agenda_pdf_view, name="fair_agenda_pdf"),
    path("<slug:slug>/agenda/<int:pk>/agenda.ics", agenda_ics, name="fair_agenda_ics"),
]
