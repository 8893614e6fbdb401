"""Matchmaking pages about companies: suggestions, profile search, profile editing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.enums import Role
from tandem.core.permissions import check, permission_required
from tandem.matchmaking.forms import (
    ProfileForm,
    ProfileSearchForm,
)
from tandem.matchmaking.models import CompanyProfile, Introduction
from tandem.matchmaking.selectors.profiles import (
    PAGE_SIZE,
    meaning_search,
    own_profile,
    search_profiles,
    text_in,
)
from tandem.matchmaking.selectors.suggestions import shown_suggestions
from tandem.matchmaking.services.matching import matching_index
from tandem.matchmaking.services.profiles import (
    StaleProfileError,
    profile_create,
    profile_expire,
    profile_publish,
    profile_review,
    profile_update,
)
from tandem.matchmaking.services.suggestions import suggestions_refresh
from tandem.web.matchmaking.common import error_messages, profile_or_404, reader_language

MEANING_RESULTS = 50


@permission_required("matchmaking.search_profiles")
def suggestions_page(request: HttpRequest) -> HttpResponse:
    """My suggestions: a company's own; agency staff choose the company (?profile=).

    Readers who do not take part in matchmaking go on to the funnel or the profile search."""
    user: Any = request.user
    if not check(user, "matchmaking.use_matchmaking"):
        target = (
            "web:matchmaking_funnel"
            if check(user, "matchmaking.view_funnel")
            else "web:matchmaking_profiles"
        )
        return HttpResponseRedirect(reverse(target))
    profile = own_profile(user)
    chosen = request.GET.get("profile", "")
    if chosen.isdigit() and user.role != Role.COMPANY_REPRESENTATIVE:
        profile = profile_or_404(request, int(chosen), "matchmaking.view_suggestions")
    suggestions = None
    pending = False
    if profile is not None and check(user, "matchmaking.view_suggestions", profile):
        pending = suggestions_refresh(profile=profile) is None
        suggestions = [] if pending else shown_suggestions(profile, reader_language())
    asked = {}
    if profile is not None:
        for intro in Introduction.objects.filter(requester=profile) | Introduction.objects.filter(
            recipient=profile
        ):
            other = intro.recipient_id if intro.requester_id == profile.pk else intro.requester_id
            asked[other] = intro
    rows = [(s, asked.get(s.candidate.pk)) for s in suggestions or []]
    return render(
        request,
        "web/matchmaking/suggestions.html",
        {
            "profile": profile,
            "rows": rows,
            "pending": pending,
            "can_request": check(user, "matchmaking.request_introduction"),
            "is_company": user.role == Role.COMPANY_REPRESENTATIVE,
            "shows_illustrative": bool(
                (profile and profile.is_illustrative)
                or any(s.candidate.is_illustrative for s, _i in rows)
            ),
        },
    )


@permission_required("matchmaking.search_profiles")
def profile_list(request: HttpRequest) -> HttpResponse:
    form = ProfileSearchForm(request.GET or None)
    filters = form.to_filters()
    scores: dict[int, float] = {}
    if filters.mode == "meaning" and filters.q.strip():
        hits = matching_index().search(filters.q, limit=MEANING_RESULTS)
        ranked = meaning_search(request.user, filters, hits)
        scores = {p.pk: value for p, value in ranked}
        found: Any = [p for p, _value in ranked]
    else:
        found = search_profiles(request.user, filters)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    language = reader_language()
    rows = [
        (p, text_in(p, "offers", language)[0], text_in(p, "seeks", language)[0], scores.get(p.pk))
        for p in page
    ]
    user: Any = request.user
    is_company_with_profile = user.role == Role.COMPANY_REPRESENTATIVE and own_profile(user)
    return render(
        request,
        "web/matchmaking/profile_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query_string": query.urlencode(),
            "can_add": check(user, "matchmaking.add_profile") and not is_company_with_profile,
            "shows_illustrative": any(p.is_illustrative for p in page),
        },
    )


@permission_required("matchmaking.search_profiles")
def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_or_404(request, pk, "matchmaking.view_profile")
    language = reader_language()
    return render(
        request,
        "web/matchmaking/profile_detail.html",
        {
            "profile": profile,
            "offers": text_in(profile, "offers", language),
            "seeks": text_in(profile, "seeks", language),
            "own_offers": profile.own_text("offers"),
            "own_seeks": profile.own_text("seeks"),
            "can_see_contacts": check(request.user, "matchmaking.view_contacts", profile),
            "can_change": check(request.user, "matchmaking.change_profile", profile),
            "can_review": check(request.user, "matchmaking.review_profile"),
            "can_see_suggestions": check(request.user, "matchmaking.view_suggestions", profile),
            "history": profile.history.select_related("history_user")[:20]  # type: ignore[attr-defined]
            if check(request.user, "matchmaking.change_profile", profile)
            else [],
            "shows_illustrative": profile.is_illustrative,
        },
    )


def _profile_form_page(
    request: HttpRequest, form: ProfileForm, profile: CompanyProfile | None, errors: list[str]
) -> HttpResponse:
    return render(
        request,
        "web/matchmaking/profile_form.html",
        {"form": form, "profile": profile, "errors": errors},
        status=400 if (form.is_bound and (form.errors or errors)) else 200,
    )


@permission_required("matchmaking.add_profile")
def profile_new(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if user.role == Role.COMPANY_REPRESENTATIVE and own_profile(user) is not None:
        return HttpResponseRedirect(reverse("web:matchmaking_profile", args=[own_profile(user).pk]))  # type: ignore[union-attr]
    fixed = user.organisation.side if user.role == Role.COMPANY_REPRESENTATIVE else None
    initial = {"name_en": user.organisation.name} if fixed else {}
    form = ProfileForm(request.POST or None, fixed_country=fixed, initial=initial)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            profile = profile_create(data=form.changes(), actor=user)
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, _("The profile was saved as a draft."))
            return HttpResponseRedirect(reverse("web:matchmaking_profile", args=[profile.pk]))
    return _profile_form_page(request, form, None, errors)


@permission_required("matchmaking.add_profile")
def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_or_404(request, pk, "matchmaking.change_profile")
    user: Any = request.user
    fixed = profile.country if user.role == Role.COMPANY_REPRESENTATIVE else None
    form = ProfileForm(request.POST or None, instance=profile, fixed_country=fixed)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        original = CompanyProfile.objects.get(pk=pk)
        try:
            profile_update(
                profile=original,
                data=form.changes(),
                expected_version=form.cleaned_data.get("version") or original.version,
                actor=user,
            )
        except StaleProfileError as exc:
            errors = [str(exc)]
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, _("The profile was saved."))
            return HttpResponseRedirect(reverse("web:matchmaking_profile", args=[pk]))
    return _profile_form_page(request, form, profile, errors)


@require_POST
@permission_required("matchmaking.review_profile")
def profile_state(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_or_404(request, pk, "matchmaking.review_profile")
    action = request.POST.get("action", "")
    steps = {"review": profile_review, "publish": profile_publish, "expire": profile_expire}
    step = steps.get(action)
    if step is None:
        messages.error(request, _("Unknown action."))
    else:
        try:
            step(profile=profile, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(error_messages(exc)))
        else:
            messages.success(
                request,
                _("The profile is now: %(state)s.")
                % {"state": CompanyProfile.objects.get(pk=pk).get_state_display()},
            )
    return HttpResponseRedirect(reverse("web:matchmaking_profile", args=[pk]))
