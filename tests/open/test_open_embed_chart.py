"""The widget's chart: the selection's public projects by plan area, a static SVG, framable."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from open_world import OpenWorld

from tandem.projects.models import JointProject

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_chart_widget_counts_the_public_projects_of_the_filter(
    client: Client, open_world: OpenWorld
) -> None:
    response = client.get("/open/projects/embed/", {"view": "chart", "plan_area": "P5"})
    assert response.status_code == 200
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<svg" in html
    assert "<script" not in html
    assert 'class="open-list"' not in html  # the chart only
    public_p5 = (
        JointProject.objects.filter(disclosure="public", plan_areas__code="P5").distinct().count()
    )
    bar = re.search(r"<title>P5 [^<:]*: (\d+)</title>", html)
    assert bar is not None
    assert int(bar.group(1)) == public_p5  # the hidden P5 projects are not counted
    listed = client.get("/open/projects/embed/", {"plan_area": "P5"}).content.decode()
    assert "<svg" in listed
    assert 'class="open-list"' in listed
    page = client.get("/open/projects/").content.decode()
    assert "view=chart" in page  # the page offers the chart's embed code
