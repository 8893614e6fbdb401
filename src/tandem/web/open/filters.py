"""The portal's filter: the registry's own filter form, with a year and without the session
(the reader filters by what a project is, not by the committee's internal reports)."""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tandem.programme.selectors import plan_areas
from tandem.projects.forms import ProjectFilterForm
from tandem.projects.models import JointProject
from tandem.projects.selectors.registry import ProjectFilters, filtered_projects
from tandem.web.open.reader import LANGUAGE_PARAMETER, PUBLIC_READER

#: Parameters of a query that are not filters.
NOT_FILTERS = {"format", "after", "before", "sort", "view", LANGUAGE_PARAMETER}


class OpenFilterForm(ProjectFilterForm):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, sessions=[], **kwargs)
        del self.fields["session"]

    def to_filters(self) -> ProjectFilters:
        filters = super().to_filters()
        year = self.cleaned_data.get("year") if self.is_valid() else None
        return dataclasses.replace(filters, session=None, year=year)

    def describe(self) -> str:
        """The filter in words, in the active language ("" for no filter)."""
        if not self.is_valid():
            return ""
        parts = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if name == "sort" or value in (None, ""):
                continue
            shown = dict(getattr(field, "choices", ())).get(value, value)
            parts.append(f"{field.label}: {shown}")
        return " · ".join(parts)


def filter_form(request: HttpRequest) -> OpenFilterForm:
    data = request.GET.copy()
    for name in NOT_FILTERS - {"sort"}:
        data.pop(name, None)
    return OpenFilterForm(data)


def filter_query(request: HttpRequest, *, drop: set[str] = NOT_FILTERS) -> str:
    """The request's query string with only the filters (and what ``drop`` leaves)."""
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return str(query.urlencode())


def projects_by_plan_area(filters: ProjectFilters) -> list[tuple[str, str, int]]:
    """(code, name, public projects under ``filters``) for every plan area of the programme
    (a project counts in each of its plan areas)."""
    counts = dict(
        public_selection(filters)
        .order_by()
        .values_list("plan_areas__code")
        .annotate(n=Count("pk", distinct=True))
        .values_list("plan_areas__code", "n")
    )
    return [(area.code, str(area.name), counts.get(area.code, 0)) for area in plan_areas()]


def public_selection(filters: ProjectFilters) -> QuerySet[JointProject]:
    """The public projects under ``filters``: the registry's own selector, read as the public."""
    return filtered_projects(PUBLIC_READER, filters)
