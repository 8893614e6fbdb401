"""Helpers shared by the exchange's pages: lookups that answer 404, paging, filters, saving."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tandem.core.permissions import check
from tandem.exchange.forms import ListFilterForm
from tandem.exchange.services.records import StaleRecordError
from tandem.web.form_errors import add_service_errors

VIEW = "exchange.view_exchange"
CHANGE = "exchange.change_exchange"
REPORT = "exchange.view_effect_report"
PAGE_SIZE = 25


def or_404(queryset: models.QuerySet[Any], pk: int | None) -> Any:
    found = queryset.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise Http404(_("No such record, or not one you may see."))
    return found


def paged(request: HttpRequest, rows: Any) -> dict[str, Any]:
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": page,
        "query_string": query.urlencode(),
        "shows_illustrative": any(getattr(r, "is_illustrative", False) for r in page),
        "can_change": check(request.user, CHANGE),
    }


def filters(request: HttpRequest, default_sort: str) -> tuple[ListFilterForm, dict[str, str]]:
    form = ListFilterForm(request.GET or None, initial={"sort": default_sort})
    values = form.cleaned_data if form.is_valid() else {}
    return form, {k: v for k, v in values.items() if v}


def save_or_errors(form: Any, save: Any) -> Any:
    """Run a service for a valid form; its validation errors go back onto the form."""
    try:
        return save()
    except StaleRecordError as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        add_service_errors(form, error)
    return None


def back_to_enterprise(profile_pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("web:exchange_enterprise", args=[profile_pk]))
