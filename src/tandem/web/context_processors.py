"""What every page's layout needs: the navigation and the languages."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tandem.core.permissions import check

NAVIGATION = (
    ("web:home", _("Home"), "tandem.public"),
    ("web:programme", _("Programme"), "programme.view_programme"),
    ("web:project_list", _("Joint projects"), "projects.view_registry"),
    ("web:alignment", _("Alignment"), "programme.view_alignment"),
    ("web:organisation_list", _("Organisations"), "core.view_organisation"),
    ("web:matchmaking_suggestions", _("Matchmaking"), "matchmaking.search_profiles"),
    ("web:exchange_home", _("Productivity exchange"), "exchange.view_exchange"),
    ("web:session_list", _("Committee"), "committee.view_session"),
    ("web:fair_list", _("Trade fairs"), "fairs.view_fair"),
    ("web:press_home", _("Press"), "press.view_press"),
    ("web:trade_home", _("Trade and investment"), "trade.view_trade"),
)


def current_area(path: str, entries: list[tuple[str, Any]]) -> dict[str, Any] | None:
    """The area of the menu that ``path`` lies in (its first breadcrumb after Home), or None
    on the home page and outside every area: ``current`` when the path is the area's own page."""
    for url_name, label in entries:
        url = reverse(url_name)
        if url != "/" and path.startswith(url):
            return {"url": url, "label": label, "current": path == url}
    return None


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    entries = [
        (url_name, label) for url_name, label, permission in NAVIGATION if check(user, permission)
    ]
    return {
        "navigation": entries,
        "area": current_area(request.path, entries),
        "available_languages": settings.LANGUAGES,
    }
