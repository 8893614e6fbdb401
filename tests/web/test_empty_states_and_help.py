"""Every list says what to do next when it is empty, and every form says in a sentence what it
is for (issue 17): the list pages of every area are walked with no data (the default
programme's own sessions, fairs and chapter mapping removed), in English, Japanese and
Russian, and each must show an empty-state element (``class="empty"``); each form page must
carry a short help text (``class="form-help"``)."""

import re
from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tandem.committee.models import CommitteeSession
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.fairs.models import Fair
from tandem.trade.models import ChapterPlanArea

pytestmark = pytest.mark.integration

#: area -> (list page's URL name, the role that reads it).
LISTS = {
    "organisations": ("web:organisation_list", Role.SECRETARIAT),
    "projects": ("web:project_list", Role.SECRETARIAT),
    "committee sessions": ("web:session_list", Role.SECRETARIAT),
    "committee working groups": ("web:working_group_list", Role.SECRETARIAT),
    "committee action items": ("web:action_list", Role.SECRETARIAT),
    "committee public decisions": ("web:decisions_public", Role.SECRETARIAT),
    "exchange enterprises": ("web:exchange_enterprise_list", Role.COORDINATOR),
    "exchange dispatches": ("web:exchange_dispatch_list", Role.COORDINATOR),
    "exchange placements": ("web:exchange_placement_list", Role.COORDINATOR),
    "exchange outcomes": ("web:exchange_outcome_list", Role.COORDINATOR),
    "matchmaking profiles": ("web:matchmaking_profiles", Role.AGENCY_STAFF),
    "matchmaking introductions": ("web:matchmaking_inbox", Role.COMPANY_REPRESENTATIVE),
    "fairs": ("web:fair_list", Role.AGENCY_STAFF),
    "trade imports": ("web:trade_imports", Role.SECRETARIAT),
    "trade chapters": ("web:trade_mapping", Role.SECRETARIAT),
    "press articles": ("web:press_home", Role.SECRETARIAT),
    "press review": ("web:press_review", Role.SECRETARIAT),
}

#: area -> (form page's URL name, the role that fills it in).
FORMS = {
    "project": ("web:project_new", Role.SECRETARIAT),
    "project import": ("web:project_import", Role.SECRETARIAT),
    "committee session": ("web:session_new", Role.SECRETARIAT),
    "working group": ("web:working_group_new", Role.SECRETARIAT),
    "exchange enterprise": ("web:exchange_enterprise_new", Role.COORDINATOR),
    "exchange dispatch": ("web:exchange_dispatch_new", Role.COORDINATOR),
    "exchange placement": ("web:exchange_placement_new", Role.COORDINATOR),
    "KPI import": ("web:exchange_kpi_import", Role.COORDINATOR),
    "company profile": ("web:matchmaking_profile_new", Role.AGENCY_STAFF),
    "trade import": ("web:trade_imports", Role.SECRETARIAT),
    "trade chapters": ("web:trade_mapping", Role.SECRETARIAT),
    "press ingest": ("web:press_ingest", Role.SECRETARIAT),
}

EMPTY = re.compile(r'<[a-z]+[^>]* class="[^"]*\bempty\b[^"]*"[^>]*>\s*\S', re.S)
HELP = re.compile(r'<p class="[^"]*\bform-help\b[^"]*">\s*\S', re.S)


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """The middleware activates each reader's language for the thread: keep it out of the
    tests that run after these."""
    language = translation.get_language()
    yield
    translation.activate(language)


def _reader(make_user: Callable[..., User], role: str) -> User:
    with_side = role in {Role.SECRETARIAT, Role.OFFICIAL, Role.COMPANY_REPRESENTATIVE}
    side = "JP" if with_side else None
    return make_user(role, side, username=f"{role}-reader")


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_every_empty_list_says_what_to_do_next(
    client: Client, make_user: Callable[..., User], language: str
) -> None:
    CommitteeSession.objects.all().delete()  # what the default programme brings
    Fair.objects.all().delete()
    ChapterPlanArea.objects.all().delete()
    readers: dict[str, User] = {}
    missing = []
    for area, (name, role) in LISTS.items():
        reader = readers.get(role) or readers.setdefault(role, _reader(make_user, role))
        client.force_login(reader)
        response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language, follow=True)
        html = response.content.decode()
        if response.status_code != 200:
            missing.append(f"{area}: {response.status_code}")
        elif not EMPTY.search(html):
            missing.append(f"{area} ({reverse(name)}): no empty state")
    assert not missing, "\n".join(missing)


def test_every_form_has_a_short_help_text(client: Client, make_user: Callable[..., User]) -> None:
    readers: dict[str, User] = {}
    missing = []
    for area, (name, role) in FORMS.items():
        reader = readers.get(role) or readers.setdefault(role, _reader(make_user, role))
        client.force_login(reader)
        response = client.get(reverse(name))
        html = response.content.decode()
        if response.status_code != 200:
            missing.append(f"{area}: {response.status_code}")
        elif "<form" not in html or not HELP.search(html):
            missing.append(f"{area} ({reverse(name)}): no help text")
    assert not missing, "\n".join(missing)
