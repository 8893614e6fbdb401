"""What every page's layout needs: the navigation and the languages."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
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


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "navigation": [
            (url_name, label)
            for url_name, label, permission in NAVIGATION
            if check(user, permission)
        ],
        "available_languages": settings.LANGUAGES,
    }
