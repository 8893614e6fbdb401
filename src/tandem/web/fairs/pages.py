"""Fairs pages: the list, a fair, its B2B set-up, and meeting requests.

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
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required
from tandem.fairs.enums import OPEN_STATUSES, RequestStatus
from tandem.fairs.forms import ComputeForm, MeetingRequestForm, RequestFilterForm
from tandem.fairs.models import Fair, FairParticipant, MeetingRequest, ScheduleJob, ScheduleVersion
from tandem.fairs.selectors.agenda import (
    can_act_for,
    participants_of_user,
    published_version,
    request_counts,
    requests_for,
)
from tandem.fairs.services.requests import (
    meeting_request_create,
    meeting_request_respond,
    meeting_request_withdraw,
)
from tandem.fairs.setup_forms import NEEDS_FAIR, SETUP_FORMS
from tandem.web.fairs.common import PAGE_SIZE, error_text, get_fair
from tandem.web.form_errors import add_service_errors

PARTICIPANT_SORTS = {
    "name": "name",
    "-name": "-name",
    "side": "side__code",
    "-side": "-side__code",
    "booth": "-is_exhibitor",
}


@permission_required("fairs.view_fair")
def fair_list(request: HttpRequest) -> HttpResponse:
    fairs = Fair.objects.select_related("country").annotate(
        participant_count=Count("participants", distinct=True),
    )
    return render(request, "web/fairs/list.html", {"fairs": fairs})


@permission_required("fairs.view_fair")
def fair_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fair = get_fair(slug)
    organiser = check(request.user, "fairs.manage_meetings")
    sort = request.GET.get("sort", "name")
    participants = (
        FairParticipant.objects.filter(fair=fair)
        .select_related("side", "organisation")
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
        "jobs": (
            ScheduleJob.objects.filter(fair=fair).select_related("version")[:5] if organiser else []
        ),
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
    fair = get_fair(slug)

    def build(key: str, data: Any = None) -> Any:
        form_class = SETUP_FORMS[key]
        return form_class(data, fair=fair) if key in NEEDS_FAIR else form_class(data)

    forms = {key: build(key) for key in SETUP_FORMS}
    posted = request.POST.get("form", "")
    if request.method == "POST" and posted in SETUP_FORMS:
        form = forms[posted] = build(posted, request.POST)
        if form.is_valid():
            try:
                form.save(fair, signed_in(request.user))
            except ValidationError as error:
                add_service_errors(form, error)
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
    everyone = (
        FairParticipant.objects.filter(fair=fair).select_related("organisation").order_by("name")
    )
    senders = (
        everyone
        if check(request.user, "fairs.manage_meetings")
        else participants_of_user(fair, request.user)
    )
    return MeetingRequestForm(data, senders=senders, receivers=everyone)


@permission_required("fairs.take_part")
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    fair = get_fair(slug)
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
                    actor=signed_in(request.user),
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(
                    request,
                    _("Meeting request sent to %(name)s.") % {"name": made.receiver.display_name},
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
    fair = get_fair(slug)
    meeting_request = get_object_or_404(MeetingRequest, pk=pk, fair=fair)
    answer = request.POST.get("answer")
    side = meeting_request.sender if answer == "withdraw" else meeting_request.receiver
    if not can_act_for(request.user, side):
        raise Http404(_("No such meeting request."))
    try:
        if answer == "withdraw":
            meeting_request_withdraw(request=meeting_request, actor=signed_in(request.user))
            done = _("Request withdrawn.")
        else:
            accept = answer == "accept"
            meeting_request_respond(
                request=meeting_request, accept=accept, actor=signed_in(request.user)
            )
            done = _("Request accepted.") if accept else _("Request declined.")
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, done)
    return HttpResponseRedirect(reverse("web:fair_requests", args=[fair.slug]))
