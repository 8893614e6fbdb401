"""Every cached registry figure is exact after a write through any path tandem offers.

The generation that names the registry's state lives in the database, not in a cache entry:
an entry that expires (the file cache re-set the counter with a five-minute timeout at each
increment) can no longer bring the counter back to a value already used, and with it the
figures cached for an older registry.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import Country, Generation, Organisation, User
from tandem.core.services.demo import demo_data_create
from tandem.core.services.users import api_token_create
from tandem.interop.registry_import import commit, plan_table
from tandem.interop.tabular.read import read_table
from tandem.programme.models import Programme
from tandem.projects.models import JointProject
from tandem.projects.selectors.registry import ProjectFilters, count_matches, filtered_projects
from tandem.projects.selectors.stats import registry_generation, status_counts
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration

SIX_MINUTES = 6 * 60  # past the five minutes the file cache gave the old counter at each write


class _Clock:
    """``time`` for Django's cache backends, ``offset`` seconds later than the real one."""

    def __init__(self) -> None:
        self.offset = 0.0

    def time(self) -> float:
        return time.time() + self.offset


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    later = _Clock()
    monkeypatch.setattr("django.core.cache.backends.locmem.time", later)
    monkeypatch.setattr("django.core.cache.backends.base.time", later)
    return later


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=5, organisations=20, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=5, count=40, actor=DEMO_ACTOR)
    Organisation.objects.create(
        name="Hokuto Precision", kind="company", side=Country.objects.get(code="JP")
    )


def _home_total(client: Client) -> int:
    html = client.get("/").content.decode()
    block = html.split('data-testid="status-counts"', 1)[1].split("</dl>", 1)[0]
    return sum(int(value.replace(",", "")) for value in re.findall(r"<dd>([\d,]+)</dd>", block))


def _dashboard_total(client: Client) -> int:
    html = client.get("/alignment/dashboard/").content.decode()
    found = re.search(r'data-testid="dashboard-total">(\d+) joint project', html)
    assert found, "the dashboard shows its total"
    return int(found.group(1))


def _assert_figures_exact(client: Client, user: User) -> None:
    visible = filtered_projects(user, ProjectFilters()).count()
    assert _home_total(client) == JointProject.objects.count()
    assert sum(status_counts().values()) == JointProject.objects.count()
    assert _dashboard_total(client) == visible
    assert count_matches(user, ProjectFilters()) == visible


def _later(clock: _Clock) -> None:
    """Let every entry with a five-minute timeout expire (the figures' own entries last a day)."""
    clock.offset += SIX_MINUTES


def test_a_write_through_each_path_is_counted_at_once_by_every_figure(
    client: Client,
    registry: None,
    secretariat_jp: User,
    clock: _Clock,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(secretariat_jp)
    _assert_figures_exact(client, secretariat_jp)  # cached from here on
    programme = Programme.objects.get()
    total = JointProject.objects.count()

    # the API
    _token, raw = api_token_create(
        user=secretariat_jp, name="figures", actor=secretariat_jp, scope="write"
    )
    created = Client().post(
        "/api/v1/projects",
        {"code": "JR-2024-0901", "title_en": "Port crane retrofit", "plan_areas": ["P6"]},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert created.status_code == 201, created.content
    _later(clock)
    _assert_figures_exact(client, secretariat_jp)

    # an import
    table = read_table(
        b"code,title_en,status,plan_areas,lead_jp\n"
        b"JR-2024-0902,Sawmill in Khabarovsk,idea,P6,Hokuto Precision\n",
        "figures.csv",
        max_bytes=1_000_000,
        max_rows=100,
    )
    commit(plan_table(table, secretariat_jp, programme, "figures.csv"), secretariat_jp, programme)
    _later(clock)
    _assert_figures_exact(client, secretariat_jp)

    # the command line
    call_command("demo_projects", seed=5, count=42, stdout=io.StringIO())
    _later(clock)
    _assert_figures_exact(client, secretariat_jp)

    # the admin
    superuser = User.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    admin_client = Client()
    admin_client.force_login(superuser)
    doomed = JointProject.objects.get(code="JR-2024-0901")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/projects/jointproject/",
            {"action": "delete_selected", "_selected_action": [doomed.pk], "post": "yes"},
        )
    assert response.status_code == 302
    _later(clock)
    _assert_figures_exact(client, secretariat_jp)
    assert JointProject.objects.count() == total + 1 + 2  # API, import, two by command, -1


def test_the_generation_outlives_the_cache(
    make_project: Callable[..., JointProject], clock: _Clock
) -> None:
    before = registry_generation()
    counts = status_counts()
    make_project()
    after = registry_generation()
    assert after != before
    cache.clear()  # every cache entry expired, culled or lost with a restart
    _later(clock)
    assert registry_generation() == after
    assert sum(status_counts().values()) == sum(counts.values()) + 1


def test_a_lost_counter_entry_never_brings_back_an_older_figure(
    make_project: Callable[..., JointProject], clock: _Clock
) -> None:
    """What the demo showed: the old counter's cache entry expired five minutes after a
    write, started again at 1, and the home page served the counts cached at 1 for a day."""
    status_counts()  # cached for the registry as it is
    make_project()
    cache.delete("tandem:registry:generation")  # the old counter's entry, expired
    _later(clock)
    assert sum(status_counts().values()) == JointProject.objects.count() == 1


def test_a_new_database_never_reads_the_figures_of_an_earlier_one(
    make_project: Callable[..., JointProject],
) -> None:
    """The generation's epoch is drawn when its row is made: a database made afresh (a new
    demo beside an old file cache) counts from its own epoch."""
    make_project()
    first = registry_generation()
    status_counts()
    Generation.objects.all().delete()  # as in a database made afresh
    JointProject.objects.all().delete()
    make_project("JR-2019-0043")
    assert registry_generation() != first
    assert sum(status_counts().values()) == 1
