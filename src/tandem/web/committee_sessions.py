"""Pages to plan a committee session and to change one (under /committee/)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from tandem.committee.models import Committee, CommitteeSession
from tandem.committee.services.sessions import session_create, session_update
from tandem.committee.session_forms import SessionForm
from tandem.core.permissions import permission_required


@permission_required("committee.change_session")
def session_new(request: HttpRequest) -> HttpResponse:
    committee = Committee.objects.order_by("pk").first()
    if committee is None:
        raise Http404(_("No committee is loaded."))
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = session_create(
            committee=committee, fields=form.fields_for_service(), actor=request.user
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
            session=session, fields=form.fields_for_service(), actor=request.user
        )
        messages.success(request, _("Session %(number)s saved.") % {"number": session.number})
        return HttpResponseRedirect(reverse("web:session_detail", args=[session.number]))
    return render(
        request,
        "web/committee/session_form.html",
        {"form": form, "session": session, "shows_illustrative": session.is_illustrative},
    )


urlpatterns = [
    path("sessions/new/", session_new, name="session_new"),
    path("<int:number>/edit/", session_edit, name="session_edit"),
]
