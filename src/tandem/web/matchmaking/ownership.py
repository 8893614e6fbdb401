"""Linking an agency-created company profile to its organisation (agency staff only)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from tandem.core.permissions import permission_required
from tandem.matchmaking.forms import LinkOrganisationForm
from tandem.matchmaking.services.ownership import linkable_organisations, profile_link_organisation
from tandem.web.matchmaking.common import error_messages, profile_or_404


@permission_required("matchmaking.link_organisation")
def profile_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_or_404(request, pk, "matchmaking.link_organisation")
    back = reverse("web:matchmaking_profile", args=[pk])
    if profile.organisation_id is not None:
        messages.info(
            request, _("This profile already belongs to %(name)s.") % {"name": profile.organisation}
        )
        return HttpResponseRedirect(back)
    form = LinkOrganisationForm(
        request.POST if request.method == "POST" else None,
        organisations=linkable_organisations(profile),
    )
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            linked = profile_link_organisation(
                profile=profile,
                organisation=form.cleaned_data["organisation"],
                create=form.cleaned_data["create"],
                actor=request.user,
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(
                request,
                _(
                    "The profile now belongs to %(name)s: its company representatives see "
                    "and edit it."
                )
                % {"name": linked.organisation},
            )
            return HttpResponseRedirect(back)
    context = {"form": form, "profile": profile, "errors": errors, "cancel": back}
    return render(request, "web/matchmaking/organisation_link.html", context)
