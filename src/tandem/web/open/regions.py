"""/open/regions/: public projects by region, and the regions block of a project's page.

No package installed with tandem ships both countries' first-level boundaries cleanly (see
docs/portal.md, "Regions"), so the portal draws the repository's schematic shapes
(:mod:`tandem.core.charts.choropleth`, by federal district and by region of Japan), says under
the chart that they are schematic, not a map, and lists every region by name beside them, the
territories whose status the two sides see differently flagged with the region list's note.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tandem.core.charts.choropleth import choropleth_svg
from tandem.core.models import FederalDistrict, Region
from tandem.core.permissions import PUBLIC, permission_required
from tandem.projects.models import JointProject
from tandem.projects.selectors.registry import ProjectFilters
from tandem.web.alignment.dashboard import JAPAN_REGIONS
from tandem.web.open.filters import public_selection
from tandem.web.open.layout import render_page
from tandem.web.open.reader import reader_language


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    count: int
    disputed: bool
    note: str


@dataclass(frozen=True)
class RegionGroup:
    country: str
    name: str
    regions: list[RegionRow]


def area_names() -> dict[str, str]:
    names = {d.code: str(d.name) for d in FederalDistrict.objects.all()}
    names.update({code: str(label) for code, label in JAPAN_REGIONS.items()})
    return names


def schematic_chart(values: Mapping[str, float], *, title: str, description: str) -> str:
    return mark_safe(  # noqa: S308 - every label and name is escaped by the chart
        choropleth_svg(
            values,
            area_names(),
            title=title,
            headings={"RU": _("Russia: federal districts"), "JP": _("Japan: regions")},
            schematic_note=_("Schematic shapes, not a map"),
            description=description,
        )
    )


def _area(region: Region) -> str:
    return (region.federal_district.code if region.federal_district else "") or (
        region.japan_region or ""
    )


def grouped(regions: Iterable[Region], counts: Mapping[int, int]) -> list[RegionGroup]:
    """Regions by country, then by federal district or region of Japan, in name order."""
    names = area_names()
    groups: dict[tuple[str, str], list[RegionRow]] = defaultdict(list)
    for region in regions:
        area = _area(region)
        groups[(region.country.code, area)].append(
            RegionRow(
                code=region.code,
                name=str(region.name),
                count=counts.get(region.pk, 0),
                disputed=region.status_disputed,
                note=str(region.status_note or ""),
            )
        )
    order = sorted(groups, key=lambda key: (key[0] != "RU", key[1]))
    return [
        RegionGroup(
            country=country,
            name=names.get(area, "") or _("Not in a federal district"),
            regions=sorted(groups[(country, area)], key=lambda row: row.name),
        )
        for country, area in order
    ]


def project_regions(project: JointProject) -> dict[str, Any]:
    """The regions block of a public project's page."""
    regions = list(project.regions.select_related("country", "federal_district"))
    if not regions:
        return {"region_groups": [], "region_chart": ""}
    values = {area: 1.0 for region in regions if (area := _area(region))}
    return {
        "region_groups": grouped(regions, {}),
        "region_chart": schematic_chart(
            values,
            title=_("Where the project works"),
            description=_("The areas that hold one of the project's regions are shaded."),
        ),
    }


def _overview() -> dict[str, Any]:
    public = public_selection(ProjectFilters())
    through: Any = JointProject.regions.through
    counts: dict[int, set[int]] = defaultdict(set)
    by_area: dict[str, set[int]] = defaultdict(set)
    rows = through.objects.filter(jointproject__in=public.values("pk")).values_list(
        "region_id", "jointproject_id", "region__federal_district__code", "region__japan_region"
    )
    for region_id, project_id, district, japan_region in rows.iterator(chunk_size=5000):
        counts[region_id].add(project_id)
        if district or japan_region:
            by_area[district or japan_region].add(project_id)
    regions = Region.objects.select_related("country", "federal_district")
    return {
        "groups": grouped(regions, {pk: len(ids) for pk, ids in counts.items()}),
        "chart": schematic_chart(
            {area: float(len(ids)) for area, ids in by_area.items()},
            title=_("Public joint projects by area"),
            description=_("A project counts once in each area where it has a region."),
        ),
    }


@require_safe
@permission_required(PUBLIC)
def regions(request: HttpRequest) -> HttpResponse:
    reader_language(request)
    return render_page(request, "web/open/regions.html", _overview, kind="regions")
