"""Pages to plan and change committee sessions and working groups (under /committee/)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from tandem.committee.models import Committee, CommitteeSession, WorkingGroup
from tandem.committee.services.sessions import (
    session_create,
    session_update,
    working_group_save,
)
from tandem.committee.session_forms import SessionForm, WorkingGroupForm
from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required


@permission_required("committee.change_session")
def session_new(request: HttpRequest) -> HttpResponse:
    committee = Committee.objects.order_by("pk").first()
    if committee is None:
        raise Http404(_("No committee is loaded."))
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = session_create(
            committee=committee, fields=form.fields_for_service(), actor=signed_in(request.user)
        )
        messages.success(request, _("Session %(number)s planned.") % {"number": session.number})
        return HttpResponseRedirect(reverse("web:session_detail", args=[session.number]))
    return render(request, "web/committee/session_form.html", {"form": form, "session": None})


@permission_required("committee.change_session")
def session_edit(request: HttpRequest, number: int) -> HttpResponse:
    session = get_object_or_404(CommitteeSession, number=number)
    form = SessionForm(
        request.POST or None, session=session, initial=SessionForm.initial_for(session)
    )
    if request.method == "POST" and form.is_valid():
        session = session_update(
            session=session, fields=form.fields_for_service(), actor=signed_in(request.user)
        )
        messages.success(request, _("Session %(number)s saved.") % {"number": session.number})
        return HttpResponseRedirect(reverse("web:session_detail", args=[session.number]))
    return render(
        request,
        "web/committee/session_form.html",
        {"form": form, "session": session, "shows_illustrative": session.is_illustrative},
    )


@permission_required("committee.view_session")
def working_group_list(request: HttpRequest) -> HttpResponse:
    groups = WorkingGroup.objects.annotate(items=Count("agenda_items")).order_by("code")
    return render(
        request,
        "web/committee/working_groups.html",
        {
            "groups": groups,
            "can_change": check(request.user, "committee.change_session"),
            "shows_illustrative": any(group.is_illustrative for group in groups),
        },
    )


@permission_required("committee.change_session")
def working_group_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    committee = Committee.objects.order_by("pk").first()
    if committee is None:
        raise Http404(_("No committee is loaded."))
    group = get_object_or_404(WorkingGroup, pk=pk) if pk else None
    initial = (
        {"code": group.code}
        | {f"name_{lang}": getattr(group, f"name_{lang}") for lang in ("en", "ja", "ru")}
        if group
        else None
    )
    form = WorkingGroupForm(request.POST or None, group=group, initial=initial)
    if request.method == "POST" and form.is_valid():
        working_group_save(
            committee=committee,
            code=form.cleaned_data["code"],
            names={lang: form.cleaned_data[f"name_{lang}"] for lang in ("en", "ja", "ru")},
            actor=signed_in(request.user),
            group=group,
        )
        messages.success(request, _("Working group saved."))
        return HttpResponseRedirect(reverse("web:working_group_list"))
    return render(request, "web/committee/working_group_form.html", {"form": form, "group": group})


urlpatterns = [
    path("working-groups/", working_group_list, name="working_group_list"),
    path("working-groups/new/", working_group_edit, name="working_group_new"),
    path("working-groups/<id:pk>/edit/", working_group_edit, name="working_group_edit"),
    path("sessions/new/", session_new, name="session_new"),
    path("<id:number>/edit/", session_edit, name="session_edit"),
]
