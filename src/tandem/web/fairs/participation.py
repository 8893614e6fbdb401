"""A participant's side of a fair: the agenda (page, PDF, ICS) and availability.

A company representative sees only their organisation's participant; another participant
answers 404. Organisers see every participant's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required
from tandem.fairs.exporters.calendar import agenda_calendar
from tandem.fairs.exporters.pdf import agenda_pdf
from tandem.fairs.forms import AvailabilityForm
from tandem.fairs.models import Fair, FairParticipant, ScheduleVersion
from tandem.fairs.selectors.agenda import (
    can_act_for,
    notices_for,
    participant_agenda,
    published_version,
)
from tandem.fairs.services.setup import participant_set_availability
from tandem.web.fairs.common import error_text, get_fair, get_version


def _own_participant(request: HttpRequest, fair: Fair, pk: int) -> FairParticipant:
    participant = get_object_or_404(
        FairParticipant.objects.select_related("side"), pk=pk, fair=fair
    )
    if not can_act_for(request.user, participant):
        raise Http404(_("No such participant."))
    return participant


def _agenda_context(request: HttpRequest, slug: str, pk: int) -> dict[str, Any]:
    fair = get_fair(slug)
    participant = _own_participant(request, fair, pk)
    version: ScheduleVersion | None = published_version(fair)
    preview = request.GET.get("version", "")
    if preview.isdigit() and check(request.user, "fairs.manage_meetings"):
        version = get_version(fair, int(preview))
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


@permission_required("fairs.take_part")
def availability(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The participant's own availability: the slots in which it can meet."""
    fair = get_fair(slug)
    participant = _own_participant(request, fair, pk)
    current = list(participant.available_slots.values_list("pk", flat=True))
    posted = request.method == "POST"
    form = AvailabilityForm(request.POST if posted else None, fair=fair)
    if not posted:
        form.initial = {"slots": current or [slot.pk for slot in form.slot_rows]}
    if posted and form.is_valid():
        try:
            participant_set_availability(
                participant=participant, slots=form.chosen_slots(), actor=signed_in(request.user)
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Availability saved."))
            return HttpResponseRedirect(reverse("web:fair_availability", args=[fair.slug, pk]))
    return render(
        request,
        "web/fairs/availability.html",
        {
            "fair": fair,
            "participant": participant,
            "form": form,
            "everywhere": not current,
            "shows_illustrative": participant.is_illustrative,
        },
    )
