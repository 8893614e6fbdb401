import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from tandem.committee.briefing.compare import Change
from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.dashboard_figures import (
    compute_figures,
    counts_by_area,
    counts_by_region,
    period_ends,
    registered_by,
    since_session,
    status_history,
    status_over_time,
)
from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import JointProject, StatusChange
from tandem.projects.selectors.registry import ProjectFilters, filtered_projects
from tandem.projects.services.demo import demo_projects_create
from tandem.projects.services.projects import project_change_status

D = dt.date


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # The test cache outlives each test's rolled-back data: start every test without figures.
    cache.clear()


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=3, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=3, count=120, actor=DEMO_ACTOR)


@pytest.mark.unit
def test_status_over_time_counts_the_status_at_the_end_of_each_period() -> None:
    changes = [
        Change(1, D(2016, 3, 1), "idea"),
        Change(1, D(2017, 6, 1), "agreed"),
        Change(2, D(2017, 1, 1), "negotiation"),
        Change(2, D(2018, 1, 1), "cancelled"),
    ]
    ends = period_ends(2016, 2018, "year", D(2018, 6, 30))
    assert [label for label, _day in ends] == ["2016", "2017", "2018"]
    assert ends[-1][1] == D(2018, 6, 30)
    counts = status_over_time(changes, ends)
    assert counts["idea"] == [1, 0, 0]
    assert counts["agreed"] == [0, 1, 1]
    assert counts["negotiation"] == [0, 1, 0]
    assert counts["cancelled"] == [0, 0, 1]


@pytest.mark.unit
def test_quarters_stop_at_today() -> None:
    ends = period_ends(2019, 2020, "quarter", D(2020, 5, 2))
    assert [label for label, _day in ends][-2:] == ["2020 Q1", "2020 Q2"]
    assert ends[3][1] == D(2019, 12, 31)


@pytest.mark.unit
def test_new_advanced_and_stalled_since_a_session() -> None:
    session_day = D(2019, 12, 19)
    changes = [
        Change(1, D(2018, 1, 1), "idea"),  # stalled: no change since
        Change(2, D(2018, 1, 1), "negotiation"),
        Change(2, D(2020, 5, 1), "agreed"),  # advanced
        Change(3, D(2020, 2, 1), "idea"),  # new
        Change(4, D(2017, 1, 1), "completed"),  # closed: none of the three
        Change(5, D(2018, 1, 1), "agreed"),
        Change(5, D(2020, 3, 1), "negotiation"),  # moved back: none
        Change(6, D(2018, 1, 1), "under_implementation"),
        Change(6, D(2021, 1, 1), "completed"),  # completing is advancing
        Change(7, D(2018, 1, 1), "suspended"),  # suspended, unchanged: stalled
    ]
    moved = since_session(changes, session_day, D(2022, 1, 1))
    assert moved.groups == {"new": [3], "advanced": [2, 6], "stalled": [1, 7]}


@pytest.mark.integration
def test_the_dashboard_shows_the_four_charts_and_the_session_groups(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    session = CommitteeSession.objects.get(number=15)
    response = client.get("/alignment/dashboard/", {"session": str(session.pk), "step": "quarter"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") - html.count('<svg class="icon') == 3  # the charts, not icons
    assert "2016 Q1" in html
    assert "Schematic shapes, not a map" in html
    assert 'data-testid="count-new"' in html
    visible = JointProject.objects.exclude(
        disclosure="side_confidential", confidential_side__code="JP"
    ).count()
    assert f"{visible} joint projects registered" in html
    assert "/alignment/dashboard/" in client.get("/alignment/").content.decode()


@pytest.mark.integration
def test_the_dashboard_filters_by_plan_area_and_in_japanese(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    everything = client.get("/alignment/dashboard/export/areas.csv")
    only_p6 = client.get("/alignment/dashboard/areas.csv", {"plan_area": "P6"})
    assert everything.status_code == 404
    lines = only_p6.content.decode("utf-8-sig").splitlines()
    assert lines[0].endswith(",illustrative")  # the demo registry's figures say what they are
    rows = {line.split(",")[0]: int(line.split(",")[-2]) for line in lines[1:]}
    p6 = JointProject.objects.filter(area_links__plan_area__code="P6").exclude(
        disclosure="side_confidential", confidential_side__code="RU"
    )
    assert rows["P6"] == p6.distinct().count()
    response = client.get("/alignment/dashboard/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200


@pytest.mark.integration
def test_each_chart_exports_its_data_with_formulas_escaped(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    project = JointProject.objects.order_by("code").first()
    assert project is not None
    JointProject.objects.filter(pk=project.pk).update(
        title="=HYPERLINK(1)", title_en="=HYPERLINK(1)", status_date=D(2030, 1, 1)
    )
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    session = CommitteeSession.objects.get(number=15)
    for chart in ("status", "areas", "regions", "session"):
        response = client.get(f"/alignment/dashboard/{chart}.csv", {"session": session.pk})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
    text = client.get("/alignment/dashboard/session.csv", {"session": session.pk}).content
    assert b",=HYPERLINK" not in text
    regions = client.get("/alignment/dashboard/regions.csv").content.decode("utf-8-sig")
    assert "FEFD" in regions and "Kanto" in regions


@pytest.mark.integration
def test_the_one_pass_figures_equal_the_reference_functions(
    registry: None, make_user: Callable[..., User]
) -> None:
    # Same-day changes and a change after today exercise the tie and cut-off rules.
    first = JointProject.objects.order_by("code").first()
    assert first is not None
    StatusChange.objects.create(project=first, to_status="agreed", date=D(2020, 6, 1))
    StatusChange.objects.create(project=first, to_status="idea", date=D(2020, 6, 1))
    StatusChange.objects.create(project=first, to_status="completed", date=D(2099, 1, 1))
    today = dt.date.today()
    user = make_user(Role.OFFICIAL, "RU")
    for filters in (ProjectFilters(), ProjectFilters(side="JP", plan_area="P6")):
        projects = filtered_projects(user, filters)
        for step in ("year", "quarter"):
            periods = period_ends(2016, today.year, step, today)
            last_day = periods[-1][1]
            since = D(2019, 12, 19)
            figures = compute_figures(projects, periods, last_day, since, today)
            changes = status_history(projects)
            counted = registered_by(changes, last_day)
            reference = since_session(changes, since, today)
            assert figures.by_status == status_over_time(changes, periods)
            assert figures.total == len(counted)
            assert figures.by_area == counts_by_area(projects, counted)
            assert figures.by_region == counts_by_region(projects, counted)
            assert figures.moved is not None
            assert figures.moved.groups == reference.groups
            for pid in figures.moved.after:
                assert figures.moved.after[pid] == reference.after[pid]
                assert figures.moved.before.get(pid) == reference.before.get(pid)


@pytest.mark.integration
def test_the_cached_figures_follow_a_status_change(
    client: Client,
    registry: None,
    make_user: Callable[..., User],
    django_capture_on_commit_callbacks: Any,
) -> None:
    user = make_user(Role.SECRETARIAT, "JP")
    client.force_login(user)

    def completed_now() -> int:
        text = client.get("/alignment/dashboard/status.csv").content.decode("utf-8-sig")
        header, *rows = (line.split(",") for line in text.splitlines())
        return int(rows[-1][header.index("Completed")])

    before = completed_now()
    assert completed_now() == before  # served from the cache
    project = filtered_projects(user, ProjectFilters()).exclude(status="completed").first()
    assert project is not None
    with django_capture_on_commit_callbacks(execute=True):
        project_change_status(
            project=project, status="completed", date=dt.date.today(), reason="", actor=user
        )
    assert completed_now() == before + 1
