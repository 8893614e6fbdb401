"""A status step that tandem records by itself is shown in the reader's language, not in the
language of the person who registered the project ("Идея — 新規登録" before)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import translation

from tandem.projects.models import JointProject, StatusChange

pytestmark = pytest.mark.integration


def test_the_registration_step_keeps_a_code(make_project: Callable[..., JointProject]) -> None:
    with translation.override("ja"):  # the writer reads Japanese
        project = make_project()
    step = StatusChange.objects.get(project=project)
    assert step.reason_message == {"code": "registered", "params": {}}
    assert step.reason == "registered"  # files and the API: English, not the writer's text
    for language in ("en", "ja", "ru"):
        with translation.override(language):
            assert step.reason_text == str(translation.gettext("registered"))
    with translation.override("en"):
        assert step.reason_text == "registered"


def test_an_old_step_shows_its_stored_text(make_project: Callable[..., JointProject]) -> None:
    project = make_project()
    StatusChange.objects.filter(project=project).update(reason="新規登録", reason_message=None)
    with translation.override("ru"):
        assert StatusChange.objects.get(project=project).reason_text == "新規登録"


def test_a_typed_reason_stays_as_typed(make_project: Callable[..., JointProject]) -> None:
    step = StatusChange(reason="review by the committee")
    with translation.override("ja"):
        assert step.reason_text == "review by the committee"
    assert make_project().status_changes.count() == 1
