"""/open/committee/: the sessions' public decisions in parallel texts, and their Atom feed.

A decision is here once both sides have marked it public (the committee's own
``public_decisions``); the projects it concerns are listed only where they are public.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tandem.committee.models import DECISION_LANGUAGES, Decision
from tandem.committee.selectors.sessions import public_decisions
from tandem.core.permissions import PUBLIC, permission_required
from tandem.projects.selectors.visibility import visible_projects
from tandem.web.open.labels import licence
from tandem.web.open.layout import render_page
from tandem.web.open.reader import (
    COMMITTEE,
    PUBLIC_READER,
    REGISTRY,
    cached_response,
    reader_language,
)

FEED_ENTRIES = 50


def decisions_with_projects() -> QuerySet[Decision]:
    """The public decisions, each with the public projects it concerns and the time it was
    published (the later of the two sides' marks)."""
    return (
        public_decisions()
        .annotate(published_at=Max("public_marks__marked_at"))
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=visible_projects(PUBLIC_READER).order_by("code"),
                to_attr="public_projects",
            )
        )
    )


def _sessions(decisions: list[Decision]) -> list[dict[str, Any]]:
    sessions: dict[int, dict[str, Any]] = {}
    for decision in decisions:
        entry = sessions.setdefault(
            decision.session_id, {"session": decision.session, "decisions": []}
        )
        entry["decisions"].append(
            {
                "decision": decision,
                "texts": [
                    {
                        "language": language,
                        "text": decision.text_in(language),
                        "authentic": decision.is_authentic(language),
                        "translation": getattr(decision, f"get_translation_{language}_display")(),
                    }
                    for language in DECISION_LANGUAGES
                ],
            }
        )
    return list(sessions.values())


def atom_bytes(request: HttpRequest, language: str) -> bytes:
    page_url = request.build_absolute_uri(reverse("web:open_committee"))
    name, url = licence()
    feed = feedgenerator.Atom1Feed(
        title=_("Public decisions of the committee"),
        link=page_url,
        description=_("Decisions both sides have published, newest first."),
        language=language,
        feed_url=request.build_absolute_uri(),
        feed_guid=page_url,
        feed_copyright=f"{name} {url}",
    )
    decisions = decisions_with_projects().order_by("-published_at", "-pk")[:FEED_ENTRIES]  # type: ignore[misc]
    for decision in decisions:
        anchor = f"{page_url}#decision-{decision.session.number}-{decision.number}"
        published = getattr(decision, "published_at", None) or timezone.now()
        feed.add_item(
            title=str(decision),
            link=anchor,
            description=decision.text_in(language) or decision.text,
            unique_id=anchor,
            unique_id_is_permalink=True,
            pubdate=published,
            updateddate=published,
        )
    return feed.writeString("utf-8").encode()


@require_safe
@permission_required(PUBLIC)
def committee(request: HttpRequest) -> HttpResponse:
    language = reader_language(request)
    if request.GET.get("format") == "atom":
        return cached_response(
            request,
            "committee-atom",
            lambda: (atom_bytes(request, language), "application/atom+xml; charset=utf-8"),
            generations=(COMMITTEE, REGISTRY),
        )
    return render_page(
        request,
        "web/open/committee.html",
        lambda: {"sessions": _sessions(list(decisions_with_projects()))},
        kind="committee",
        generations=(COMMITTEE, REGISTRY),
    )
