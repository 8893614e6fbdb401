"""/open/projects/<code>/: a public project's permanent page, and as it stood at a session."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.sessions import public_decisions
from tandem.core.permissions import PUBLIC, permission_required
from tandem.projects.selectors.change_log import project_change_log
from tandem.projects.selectors.registry import project_as_of, project_detail
from tandem.projects.services.rates import financing_in_usd
from tandem.web.open.layout import render_page
from tandem.web.open.reader import COMMITTEE, PUBLIC_READER, REGISTRY, reader_language
from tandem.web.open.regions import project_regions
from tandem.web.open.texts import project_texts


def _as_of(project: Any, number: str, sessions: list[CommitteeSession]) -> dict[str, Any]:
    session = next((s for s in sessions if str(s.number) == number), None) if number else None
    if session is None:
        return {"as_of_session": None, "as_of": None}
    moment = timezone.make_aware(dt.datetime.combine(session.end_date, dt.time.max))
    return {
        "as_of_session": session,
        "as_of": project_as_of(project, moment, PUBLIC_READER, session=session),
    }


def _context(request: HttpRequest, project: Any, language: str) -> dict[str, Any]:
    sessions = list(CommitteeSession.objects.order_by("number"))
    decisions = list(public_decisions().filter(projects=project))
    steps = list(project.status_changes.all())
    reported = sorted(
        {s.reported_to for s in steps if s.reported_to is not None}
        | {d.session for d in decisions},
        key=lambda session: session.number,
    )
    return {
        "project": project,
        "texts": project_texts(project, language),
        "financing": financing_in_usd(project),
        "steps": steps,
        "decisions": decisions,
        "concerned_sessions": reported,
        "sessions": sessions,
        "change_log": project_change_log(project=project, reader=PUBLIC_READER),
        "shows_illustrative": project.is_illustrative,
        **project_regions(project),
        **_as_of(project, request.GET.get("as_of", ""), sessions),
    }


@require_safe
@permission_required(PUBLIC)
def project_page(request: HttpRequest, code: str) -> HttpResponse:
    language = reader_language(request)

    def context() -> dict[str, Any]:
        project = project_detail(PUBLIC_READER, code)
        if project is None:  # not public, or no such project: the same answer, never cached
            raise Http404(_("No such public project."))
        return _context(request, project, language)

    return render_page(
        request,
        "web/open/project.html",
        context,
        kind="project",
        generations=(REGISTRY, COMMITTEE),
    )
