"""Pages of the committee: sessions, agenda, decisions, action items, minutes, briefing packs.

The urlpatterns are included under /committee/ by tandem.web.urls.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.committee.enums import JobStatus
from tandem.committee.exporters.briefing import group_labels
from tandem.committee.exporters.calendars import deadlines_calendar, sessions_calendar
from tandem.committee.exporters.minutes import (
    LANGUAGE_NAMES,
    minutes_docx,
    minutes_pdf,
    minutes_sections,
)
from tandem.committee.forms import (
    ActionFilterForm,
    ActionItemForm,
    AgendaItemForm,
    BriefingForm,
    DecisionForm,
    MinutesLanguagesForm,
    NoteForm,
)
from tandem.committee.models import ActionItem, AgendaItem, BriefingJob, CommitteeSession, Decision
from tandem.committee.selectors.portfolio import session_portfolio
from tandem.committee.selectors.sessions import (
    action_items,
    default_as_of,
    filtered_action_items,
    notes_for,
    public_decisions,
    session_detail,
    sessions,
)
from tandem.committee.services.actions import (
    action_item_create,
    action_item_update,
    session_note_create,
)
from tandem.committee.services.agenda import (
    agenda_apply_proposal,
    agenda_item_create,
    agenda_item_delete,
    agenda_item_update,
)
from tandem.committee.services.decisions import (
    decision_create,
    decision_mark_public,
    decision_update,
)
from tandem.committee.tasks import briefing_start
from tandem.core.actors import signed_in
from tandem.core.i18n import LANGUAGES
from tandem.core.permissions import PUBLIC, check, permission_required
from tandem.web.form_errors import add_service_errors

PAGE_SIZE = 50


def _session_or_404(number: int, reader: Any) -> CommitteeSession:
    session = session_detail(number, reader)
    if session is None:
        raise Http404(_("No such session."))
    return session


def _titles(data: dict[str, Any]) -> dict[str, str]:
    return {language: data.get(f"title_{language}") or "" for language in LANGUAGES}


@permission_required("committee.view_session")
def session_list(request: HttpRequest) -> HttpResponse:
    rows = list(sessions().order_by("-number"))
    return render(
        request,
        "web/committee/session_list.html",
        {
            "sessions": rows,
            "perms_change_session": check(request.user, "committee.change_session"),
            "shows_illustrative": any(s.is_illustrative for s in rows),
        },
    )


@permission_required("committee.view_session")
def session_view(request: HttpRequest, number: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    portfolio = session_portfolio(session, request.user, language=get_language() or "en")
    agenda = list(session.agenda_items.all())
    decisions = list(session.decisions.all())
    set_here = list(action_items().filter(session=session).order_by("number"))
    side_id = getattr(request.user, "side_id", None)
    return render(
        request,
        "web/committee/session_detail.html",
        {
            "session": session,
            "portfolio": portfolio,
            "counts": portfolio.counts(),
            "groups": [
                (group, label, portfolio.lines[group], portfolio.hidden[group])
                for group, label in group_labels().items()
            ],
            "agenda": agenda,
            "decisions": decisions,
            "marked_by_my_side": {
                d.pk for d in decisions if any(m.side_id == side_id for m in d.public_marks.all())
            },
            "carried_over": portfolio.items_open,
            "overdue_ids": {item.pk for item in portfolio.items_overdue},
            "set_here": set_here,
            "notes": notes_for(request.user, session),
            "note_form": NoteForm(),
            "can_change": check(request.user, "committee.change_session"),
            "can_note": check(request.user, "committee.add_note"),
            "can_mark_public": check(request.user, "committee.mark_public"),
            "can_brief": check(request.user, "committee.view_briefing"),
            "shows_illustrative": session.is_illustrative
            or any(x.is_illustrative for x in [*agenda, *decisions, *set_here])
            or portfolio.shows_illustrative,
        },
    )


@require_POST
@permission_required("committee.change_session")
def agenda_propose(request: HttpRequest, number: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    created = agenda_apply_proposal(session=session, actor=signed_in(request.user))
    messages.success(
        request,
        ngettext(
            "%(count)d proposed agenda item added.",
            "%(count)d proposed agenda items added.",
            len(created),
        )
        % {"count": len(created)},
    )
    return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#agenda")


@permission_required("committee.change_session")
def agenda_item_edit(request: HttpRequest, number: int, item: int | None = None) -> HttpResponse:
    session = _session_or_404(number, request.user)
    existing = get_object_or_404(AgendaItem, session=session, pk=item) if item else None
    initial = AgendaItemForm.initial_from(existing, request.user) if existing else {}
    form = AgendaItemForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = data["plan_area"].pk if data["plan_area"] else None
        if existing:
            agenda_item_update(
                item=existing,
                titles=_titles(data),
                plan_area_id=area,
                project_ids=data["project_codes"],
                actor=signed_in(request.user),
            )
        else:
            agenda_item_create(
                session=session,
                titles=_titles(data),
                plan_area_id=area,
                project_ids=data["project_codes"],
                actor=signed_in(request.user),
            )
        messages.success(request, _("The agenda item was saved."))
        return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#agenda")
    return render(
        request,
        "web/committee/form.html",
        {"form": form, "session": session, "heading": _("Agenda item"), "object": existing},
    )


@require_POST
@permission_required("committee.change_session")
def agenda_item_remove(request: HttpRequest, number: int, item: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    agenda_item_delete(
        item=get_object_or_404(AgendaItem, session=session, pk=item), actor=signed_in(request.user)
    )
    messages.success(request, _("The agenda item was deleted; the items after it were renumbered."))
    return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#agenda")


@permission_required("committee.change_session")
def decision_edit(request: HttpRequest, number: int, decision: int | None = None) -> HttpResponse:
    session = _session_or_404(number, request.user)
    existing = get_object_or_404(Decision, session=session, pk=decision) if decision else None
    initial = DecisionForm.initial_from(existing, request.user)
    form = DecisionForm(request.POST or None, initial=initial, session=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields: dict[str, Any] = {
            "texts": {lang: data[f"text_{lang}"] for lang in LANGUAGES},
            "authentic": data["authentic"],
            "translation": {lang: data[f"translation_{lang}"] for lang in LANGUAGES},
            "agenda_item_id": data["agenda_item"],
            "project_ids": data["project_codes"],
            "actor": request.user,
        }
        try:
            if existing:
                decision_update(decision=existing, **fields)
            else:
                decision_create(session=session, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision was saved."))
            return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#decisions")
    return render(
        request,
        "web/committee/form.html",
        {"form": form, "session": session, "heading": _("Decision"), "object": existing},
    )


@require_POST
@permission_required("committee.mark_public")
def decision_public(request: HttpRequest, number: int, decision: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    target = get_object_or_404(Decision, session=session, pk=decision)
    decision_mark_public(
        decision=target,
        side_id=int(getattr(request.user, "side_id", 0) or 0),
        public=request.POST.get("public") == "1",
        actor=signed_in(request.user),
    )
    messages.success(request, _("Your side's publication mark was saved."))
    return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#decisions")


@permission_required("committee.view_session")
def action_list(request: HttpRequest) -> HttpResponse:
    form = ActionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = filtered_action_items(
        status=data.get("status") or "",
        side=data["side"].code if data.get("side") else "",
        overdue=bool(data.get("overdue")),
        sort=request.GET.get("sort") or "due_date",
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/committee/action_list.html",
        {
            "form": form,
            "page": page,
            "today": dt.date.today(),
            "query_string": query.urlencode(),
            "can_change": check(request.user, "committee.change_session"),
            "shows_illustrative": any(item.is_illustrative for item in page.object_list),
        },
    )


@permission_required("committee.change_session")
def action_item_edit(request: HttpRequest, number: int, item: int | None = None) -> HttpResponse:
    session = _session_or_404(number, request.user)
    existing = get_object_or_404(ActionItem, session=session, pk=item) if item else None
    initial = (
        ActionItemForm.initial_from(existing, request.user) if existing else {"status": "open"}
    )
    form = ActionItemForm(request.POST or None, initial=initial, session=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields: dict[str, Any] = {
            "owner_side_id": data["owner_side"].pk,
            "owner_organisation_id": data["owner_organisation"].pk
            if data["owner_organisation"]
            else None,
            "responsible_id": data["responsible"].pk if data["responsible"] else None,
            "due_date": data["due_date"],
            "status": data["status"],
            "done_date": data["done_date"],
            "decision_id": data["decision"],
        }
        try:
            if existing:
                action_item_update(
                    item=existing,
                    actor=signed_in(request.user),
                    project_ids=data["project_codes"],
                    **fields,
                    **{f"title_{lang}": data[f"title_{lang}"] for lang in LANGUAGES},
                )
            else:
                action_item_create(
                    session=session,
                    titles=_titles(data),
                    project_ids=data["project_codes"],
                    actor=signed_in(request.user),
                    **fields,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action item was saved."))
            return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#actions")
    return render(
        request,
        "web/committee/form.html",
        {"form": form, "session": session, "heading": _("Action item"), "object": existing},
    )


@require_POST
@permission_required("committee.add_note")
def note_add(request: HttpRequest, number: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    form = NoteForm(request.POST)
    if form.is_valid():
        session_note_create(
            session=session, text=form.cleaned_data["text"], actor=signed_in(request.user)
        )
        messages.success(request, _("The note was saved; only your side sees it."))
    else:
        messages.error(request, _("Write the note before saving it."))
    return HttpResponseRedirect(reverse("web:session_detail", args=[number]) + "#notes")


def _minutes_languages(request: HttpRequest) -> list[str]:
    return MinutesLanguagesForm(request.GET or None).languages()


@permission_required("committee.view_session")
def minutes(request: HttpRequest, number: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    languages = _minutes_languages(request)
    sections = minutes_sections(session, languages)
    return render(
        request,
        "web/committee/minutes.html",
        {
            "session": session,
            "form": MinutesLanguagesForm(request.GET or None),
            "languages": [(lang, LANGUAGE_NAMES[lang]) for lang in languages],
            "sections": sections,
            "query_string": request.GET.urlencode(),
            "shows_illustrative": any(
                s.is_illustrative or any(d.is_illustrative for d in s.decisions) for s in sections
            ),
        },
    )


@permission_required("committee.view_session")
def minutes_file(request: HttpRequest, number: int, file_format: str) -> HttpResponse:
    session = _session_or_404(number, request.user)
    languages = _minutes_languages(request)
    language = get_language() or "en"
    if file_format == "pdf":
        content, kind = minutes_pdf(session, languages, language=language), "application/pdf"
    elif file_format == "docx":
        content = minutes_docx(session, languages, language=language)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404(_("No such format."))
    response = HttpResponse(content, content_type=kind)
    name = f"minutes-session-{number}-{'-'.join(languages)}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("committee.view_briefing")
def briefing(request: HttpRequest, number: int) -> HttpResponse:
    session = _session_or_404(number, request.user)
    initial = {"language": get_language(), "file_format": "pdf", "as_of": default_as_of(session)}
    form = BriefingForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not check(request.user, "committee.make_briefing"):
            raise PermissionDenied
        if form.is_valid():
            try:
                job = briefing_start(
                    session=session, actor=signed_in(request.user), **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return HttpResponseRedirect(reverse("web:briefing_job", args=[job.pk]))
    jobs = BriefingJob.objects.filter(session=session, requested_by_id=request.user.pk)[:10]
    return render(
        request,
        "web/committee/briefing.html",
        {
            "session": session,
            "form": form,
            "jobs": jobs,
            "shows_illustrative": session.is_illustrative,
        },
    )


def _own_job(request: HttpRequest, job: int) -> BriefingJob:
    return get_object_or_404(
        BriefingJob.objects.select_related("session"), pk=job, requested_by_id=request.user.pk
    )


@permission_required("committee.view_briefing")
def briefing_job(request: HttpRequest, job: int) -> HttpResponse:
    target = _own_job(request, job)
    template = (
        "web/committee/_job_status.html"
        if request.headers.get("HX-Request")
        else "web/committee/briefing_job.html"
    )
    return render(
        request,
        template,
        {"job": target, "running": target.status in {JobStatus.QUEUED, JobStatus.RUNNING}},
    )


@permission_required("committee.view_briefing")
def briefing_download(request: HttpRequest, job: int) -> HttpResponseBase:
    target = _own_job(request, job)
    if target.status != JobStatus.DONE or not target.result:
        raise Http404(_("The pack is not ready."))
    is_pdf = target.file_format == "pdf"
    response = FileResponse(
        target.result.open("rb"),
        as_attachment=is_pdf,
        filename=str(target.result.name).rsplit("/", 1)[-1],
        content_type="application/pdf" if is_pdf else "text/html; charset=utf-8",
    )
    if not is_pdf:  # a self-contained document: its own styles, no script at all
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        )
    return response


def _ics(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required("committee.view_session")
def sessions_ics(request: HttpRequest) -> HttpResponse:
    return _ics(sessions_calendar(timezone.now()), "sessions.ics")


@permission_required("committee.view_session")
def actions_ics(request: HttpRequest) -> HttpResponse:
    return _ics(deadlines_calendar(timezone.now()), "action-items.ics")


@permission_required(PUBLIC)
def decisions_public(request: HttpRequest) -> HttpResponse:
    page = Paginator(public_decisions(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/committee/public_decisions.html",
        {"page": page, "shows_illustrative": any(d.is_illustrative for d in page.object_list)},
    )


urlpatterns: list[URLPattern] = [
    path("", session_list, name="session_list"),
    path("sessions.ics", sessions_ics, name="sessions_ics"),
    path("action-items/", action_list, name="action_list"),
    path("action-items.ics", actions_ics, name="actions_ics"),
    path("decisions/", decisions_public, name="decisions_public"),
    path("briefing/jobs/<id:job>/", briefing_job, name="briefing_job"),
    path("briefing/jobs/<id:job>/file", briefing_download, name="briefing_download"),
    path("<id:number>/", session_view, name="session_detail"),
    path("<id:number>/agenda/propose/", agenda_propose, name="agenda_propose"),
    path("<id:number>/agenda/new/", agenda_item_edit, name="agenda_item_new"),
    path("<id:number>/agenda/<id:item>/edit/", agenda_item_edit, name="agenda_item_edit"),
    path("<id:number>/agenda/<id:item>/delete/", agenda_item_remove, name="agenda_item_delete"),
    path("<id:number>/decisions/new/", decision_edit, name="decision_new"),
    path("<id:number>/decisions/<id:decision>/edit/", decision_edit, name="decision_edit"),
    path("<id:number>/decisions/<id:decision>/public/", decision_public, name="decision_public"),
    path("<id:number>/action-items/new/", action_item_edit, name="action_item_new"),
    path("<id:number>/action-items/<id:item>/edit/", action_item_edit, name="action_item_edit"),
    path("<id:number>/notes/", note_add, name="note_add"),
    path("<id:number>/minutes/", minutes, name="minutes"),
    path("<id:number>/minutes.<str:file_format>", minutes_file, name="minutes_file"),
    path("<id:number>/briefing/", briefing, name="briefing"),
]
