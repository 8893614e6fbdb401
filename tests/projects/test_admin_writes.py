"""Writes through the admin keep what the services keep: the search text, the version that
stale editors are checked against, and the cached registry figures."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory

from tandem.core.models import User
from tandem.projects.admin import JointProjectAdmin
from tandem.projects.models import JointProject
from tandem.projects.selectors.stats import registry_generation, status_counts

pytestmark = pytest.mark.integration


@pytest.fixture
def superuser(default_programme: None) -> User:
    return User.objects.create_superuser("root", "root@example.org", "a-long-test-password")


def test_an_admin_edit_refreshes_the_search_text_and_the_version(
    make_project: Callable[..., JointProject], superuser: User
) -> None:
    project = make_project()
    model_admin = JointProjectAdmin(JointProject, admin.site)
    request = RequestFactory().post("/")
    request.user = superuser
    project.title_en = "Kaizen at the Chelyabinsk tractor plant"
    project.save()
    form_class = model_admin.get_form(request, project)
    form = form_class(instance=project)
    form.save_m2m = lambda: None  # type: ignore[attr-defined]  # as after save(commit=False)
    before = registry_generation()
    model_admin.save_related(request, form, [], True)
    project.refresh_from_db()
    assert "chelyabinsk" in project.search_text
    assert project.version == 2
    assert registry_generation() != before  # the registry's cached figures are recomputed


def test_deleting_projects_in_the_admin_list_updates_the_dashboard_counts(
    make_project: Callable[..., JointProject],
    superuser: User,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    project = make_project()
    before = status_counts()[project.status]
    client = Client()
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/projects/jointproject/",
            {"action": "delete_selected", "_selected_action": [project.pk], "post": "yes"},
        )
    assert response.status_code == 302
    assert not JointProject.objects.filter(pk=project.pk).exists()
    assert status_counts()[project.status] == before - 1
