"""An empty translated text is stored as "", so no page shows the word "None" for it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tandem.core.models import Country, Organisation, User
from tandem.core.translated_text import translation_columns
from tandem.interop.registry_import import commit, plan_table
from tandem.interop.tabular.read import read_table
from tandem.programme.models import Programme
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _default_language_after() -> Iterator[None]:
    """A request in Japanese or Russian leaves its language active in this thread: set the
    default back, so that the next test creates its records as it expects."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_every_translated_field_of_tandem_has_columns_that_are_blanked() -> None:
    from modeltranslation.translator import translator

    models = translator.get_registered_models()
    assert len(models) > 10
    for model in models:
        assert translation_columns(model), model


def test_a_saved_record_holds_empty_texts_not_none(default_programme: None) -> None:
    organisation = Organisation.objects.create(
        name_en="Hokuto Precision", kind="company", side=Country.objects.get(code="JP")
    )
    organisation.refresh_from_db()
    assert [getattr(organisation, f"name_{lang}") for lang in ("ja", "ru")] == ["", ""]


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_an_empty_summary_is_not_shown_as_none(
    client: Client,
    make_project: Callable[..., JointProject],
    secretariat_jp: User,
    language: str,
) -> None:
    project = make_project(summary_en="Lean production.")
    project.refresh_from_db()
    assert [getattr(project, f"summary_{lang}") for lang in ("ja", "ru")] == ["", ""]
    secretariat_jp.language = language
    secretariat_jp.save(update_fields=["language"])
    client.force_login(secretariat_jp)
    html = client.get(f"/projects/{project.code}/").content.decode()
    assert not re.search(r">\s*None\s*<", html)


def test_an_imported_project_holds_empty_texts_not_none(
    default_programme: None, secretariat_jp: User
) -> None:
    programme = Programme.objects.get()
    raw = b"code,title_ru,plan_areas\nJR-2021-0077,\xd0\x97\xd0\xb0\xd0\xb2\xd0\xbe\xd0\xb4,P6\n"
    table = read_table(raw, "new.csv", max_bytes=1_000_000, max_rows=10)
    commit(plan_table(table, secretariat_jp, programme, "new.csv"), secretariat_jp, programme)
    project = JointProject.objects.get(code="JR-2021-0077")
    texts = [getattr(project, name) for name in ("title_en", "summary_ja", "summary_ru")]
    assert texts == ["", "", ""]
