"""Saved filters: a user keeps a list page's filters under a name and opens them again.

A saved filter is its user's own (nobody else reads, opens or deletes it); saving and deleting
go through the typed services below, recorded with their actor. What is saved is only the
query string: opening it shows the list through the reader's permissions of the day.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.actors import Actor, signed_in
from tandem.core.audit import save_with_actor
from tandem.core.history import delete_rows
from tandem.core.models import User
from tandem.core.permissions import permission_required
from tandem.web.models import SavedFilter
from tandem.web.templatetags.listing import POSITION_PARAMETERS, query_without

#: The lists that keep saved filters -> their page.
AREAS = {"projects": "web:project_list", "organisations": "web:organisation_list"}
MAX_PER_LIST = 30
PERMISSION = "core.view_own_account"  # one's own saved filters: any signed-in user


def saved_filters_of(user: User, area: str) -> QuerySet[SavedFilter]:
    return SavedFilter.objects.filter(user=user, area=area).order_by("name")


def saved_filter_save(*, user: User, area: str, name: str, query: str, actor: Actor) -> SavedFilter:
    """Save (or replace) ``user``'s filter ``name`` on the list ``area``."""
    name = name.strip()
    if area not in AREAS:
        raise ValidationError(_("This list does not keep saved filters."))
    if not name:
        raise ValidationError(_("Give the filter a name."))
    saved = SavedFilter.objects.filter(user=user, area=area, name=name).first()
    if saved is None:
        if saved_filters_of(user, area).count() >= MAX_PER_LIST:
            raise ValidationError(_("Delete a saved filter first: a list keeps at most 30."))
        saved = SavedFilter(user=user, area=area, name=name)
    saved.query = query
    return save_with_actor(saved, actor, reason="saved filter")


def saved_filter_delete(*, saved: SavedFilter, actor: Actor) -> None:
    delete_rows([saved], actor=actor, reason="saved filter deleted")


def _back(area: str, query: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse(AREAS[area]) + (f"?{query}" if query else ""))


@require_POST
@permission_required(PERMISSION)
def saved_filter_add(request: HttpRequest, area: str) -> HttpResponse:
    if area not in AREAS:
        raise Http404
    user = signed_in(request.user)
    query = query_without(request.GET, *POSITION_PARAMETERS).urlencode()[:1000]
    try:
        saved = saved_filter_save(
            user=user, area=area, name=request.POST.get("name", ""), query=query, actor=user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Filter “%(name)s” saved.") % {"name": saved.name})
    return _back(area, query)


@require_POST
@permission_required(PERMISSION)
def saved_filter_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request.user)
    saved = SavedFilter.objects.filter(pk=pk, user=user).first()
    if saved is None:  # another user's filter is not there for this one
        raise Http404
    saved_filter_delete(saved=saved, actor=user)
    messages.success(request, _("Filter “%(name)s” deleted.") % {"name": saved.name})
    return _back(saved.area, saved.query)
