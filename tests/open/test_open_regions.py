"""/open/regions/ and a project's regions: public projects only, schematic shapes said to be
schematic, every region named, the territories of disputed status flagged."""

from __future__ import annotations

import re

import pytest
from django.db.models import Count, Q
from django.test import Client
from open_world import OpenWorld

from tandem.core.models import Region
from tandem.projects.models import JointProject

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_overview_counts_public_projects_by_region(
    client: Client, open_world: OpenWorld
) -> None:
    html = client.get("/open/regions/?lang=en").content.decode()
    assert "Schematic shapes, not a map" in html
    assert "<svg" in html
    region = (
        Region.objects.annotate(
            n=Count("projects", filter=Q(projects__disclosure="public"), distinct=True)
        )
        .order_by("-n")
        .first()
    )
    assert region is not None
    assert region.n > 0
    shown = re.search(rf"\({re.escape(region.code)}\)</small>: (\d+) project", html)
    assert shown is not None
    assert int(shown.group(1)) == region.n
    disputed = Region.objects.filter(status_disputed=True).first()
    assert disputed is not None
    item = re.search(rf"\({re.escape(disputed.code)}\)</small>[^\n]*?</li>", html)
    assert item is not None
    assert "status seen differently" in item.group(0)


def test_a_project_page_shows_its_regions(client: Client, open_world: OpenWorld) -> None:
    project = (
        JointProject.objects.filter(disclosure="public", regions__isnull=False)
        .order_by("code")
        .first()
    )
    assert project is not None
    html = client.get(f"/open/projects/{project.code}/?lang=en").content.decode()
    assert 'id="regions-heading"' in html
    assert "Schematic shapes, not a map" in html
    for region in project.regions.all():
        assert f"({region.code})" in html
