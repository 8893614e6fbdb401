"""Matchmaking pages about introductions: request, inbox, answer, meeting, outcome, funnel."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.actors import signed_in
from tandem.core.enums import Role
from tandem.core.permissions import check, permission_required
from tandem.matchmaking.forms import (
    IntroductionRequestForm,
    MeetingForm,
    OutcomeForm,
    RespondForm,
)
from tandem.matchmaking.models import Introduction
from tandem.matchmaking.selectors.introductions import STAGES, funnel, inbox, visible_introductions
from tandem.matchmaking.selectors.profiles import (
    PAGE_SIZE,
    text_in,
)
from tandem.matchmaking.services.introductions import (
    introduction_record_meeting,
    introduction_record_outcome,
    introduction_request,
    introduction_respond,
)
from tandem.projects.selectors.visibility import visible_projects
from tandem.web.matchmaking.common import error_messages, profile_or_404, reader_language


@require_POST
@permission_required("matchmaking.request_introduction")
def introduction_new(request: HttpRequest) -> HttpResponse:
    form = IntroductionRequestForm(request.POST)
    back = reverse("web:matchmaking_suggestions")
    if not form.is_valid():
        messages.error(request, _("The request was incomplete."))
        return HttpResponseRedirect(back)
    requester = profile_or_404(
        request, form.cleaned_data["requester"], "matchmaking.view_suggestions"
    )
    recipient = profile_or_404(request, form.cleaned_data["recipient"], "matchmaking.view_profile")
    if request.user.role != Role.COMPANY_REPRESENTATIVE:  # type: ignore[union-attr]
        back += f"?profile={requester.pk}"
    try:
        introduction = introduction_request(
            requester=requester,
            recipient=recipient,
            actor=signed_in(request.user),
            message=form.cleaned_data["message"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(error_messages(exc)))
        return HttpResponseRedirect(back)
    messages.success(
        request,
        _("The introduction was requested: %(name)s will answer.") % {"name": recipient.name},
    )
    return HttpResponseRedirect(reverse("web:matchmaking_introduction", args=[introduction.pk]))


@permission_required("matchmaking.view_introductions")
def introduction_inbox(request: HttpRequest) -> HttpResponse:
    box = request.GET.get("box", "received")
    box = box if box in ("received", "sent", "all") else "received"
    status = request.GET.get("status", "")
    page = Paginator(inbox(request.user, box, status), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/matchmaking/inbox.html",
        {
            "page": page,
            "box": box,
            "status": status,
            "is_company": request.user.role == Role.COMPANY_REPRESENTATIVE,  # type: ignore[union-attr]
            "shows_illustrative": any(i.is_illustrative for i in page),
        },
    )


def _introduction_or_404(request: HttpRequest, pk: int) -> Introduction:
    introduction = visible_introductions(request.user).filter(pk=pk).first()
    if introduction is None or not check(
        request.user, "matchmaking.view_introduction", introduction
    ):
        raise Http404(_("No such introduction."))
    return introduction


def _introduction_page(
    request: HttpRequest, introduction: Introduction, **forms: Any
) -> HttpResponse:
    user = request.user
    language = reader_language()
    context = {
        "introduction": introduction,
        "requester_offers": text_in(introduction.requester, "offers", language)[0],
        "recipient_offers": text_in(introduction.recipient, "offers", language)[0],
        "requester_contacts": check(user, "matchmaking.view_contacts", introduction.requester),
        "recipient_contacts": check(user, "matchmaking.view_contacts", introduction.recipient),
        "can_respond": check(user, "matchmaking.respond_introduction", introduction)
        and introduction.status == "requested",
        "can_record": check(user, "matchmaking.record_outcome", introduction)
        and introduction.status == "accepted",
        "respond_form": forms.get("respond_form") or RespondForm(),
        "meeting_form": forms.get("meeting_form")
        or MeetingForm(
            initial={
                "met_on": introduction.met_on,
                "venue": introduction.venue or "fair",
                "place": introduction.place,
            }
        ),
        "outcome_form": forms.get("outcome_form")
        or OutcomeForm(
            initial={
                "outcome": introduction.outcome or "nda",
                "joint_project": introduction.joint_project.code
                if introduction.joint_project
                else "",
                "note": introduction.outcome_note,
            }
        ),
        "shows_illustrative": introduction.is_illustrative,
    }
    status = 400 if any(f.is_bound and f.errors for f in forms.values()) else 200
    return render(request, "web/matchmaking/introduction.html", context, status=status)


@permission_required("matchmaking.view_introductions")
def introduction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _introduction_page(request, _introduction_or_404(request, pk))


def _done(request: HttpRequest, pk: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseRedirect(reverse("web:matchmaking_introduction", args=[pk]))


@require_POST
@permission_required("matchmaking.view_introductions")
def introduction_respond_view(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = _introduction_or_404(request, pk)
    if not check(request.user, "matchmaking.respond_introduction", introduction):
        raise Http404(_("No such introduction."))
    form = RespondForm(request.POST)
    if form.is_valid():
        try:
            introduction_respond(
                introduction=introduction,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["decline_reason"],
                actor=signed_in(request.user),
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            return _done(request, pk, _("Your answer was recorded."))
    return _introduction_page(request, introduction, respond_form=form)


@require_POST
@permission_required("matchmaking.view_introductions")
def introduction_meeting_view(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = _introduction_or_404(request, pk)
    if not check(request.user, "matchmaking.record_outcome", introduction):
        raise Http404(_("No such introduction."))
    form = MeetingForm(request.POST)
    if form.is_valid():
        try:
            introduction_record_meeting(
                introduction=introduction, actor=signed_in(request.user), **form.cleaned_data
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            return _done(request, pk, _("The meeting was recorded."))
    return _introduction_page(request, introduction, meeting_form=form)


@require_POST
@permission_required("matchmaking.view_introductions")
def introduction_outcome_view(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = _introduction_or_404(request, pk)
    if not check(request.user, "matchmaking.record_outcome", introduction):
        raise Http404(_("No such introduction."))
    form = OutcomeForm(request.POST, projects=visible_projects(request.user))
    if form.is_valid():
        try:
            introduction_record_outcome(
                introduction=introduction,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                joint_project=form.cleaned_data["joint_project_obj"],
                actor=signed_in(request.user),
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            return _done(request, pk, _("The outcome was recorded."))
    return _introduction_page(request, introduction, outcome_form=form)


@permission_required("matchmaking.view_funnel")
def funnel_page(request: HttpRequest) -> HttpResponse:
    by = request.GET.get("by", "side")
    by = by if by in ("side", "plan_area") else "side"
    return render(
        request,
        "web/matchmaking/funnel.html",
        {"rows": funnel(by), "by": by, "stages": STAGES},
    )
