from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.programme.models import LabelExample
from tandem.programme.services.labelling import reset_registry_suggester

pytestmark = pytest.mark.integration


@pytest.fixture
def hashing_labeller(settings: Any, default_programme: None) -> Iterator[None]:
    settings.PROGRAMME_EMBEDDER = "tandem.core.embedding.testing.HashingEmbedder"
    reset_registry_suggester()
    yield
    reset_registry_suggester()


def test_the_form_offers_suggestions_with_scores_and_reasons(
    client: Client, hashing_labeller: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    form = client.get("/projects/new/").content.decode()
    assert 'hx-post="/alignment/suggest/"' in form
    assert "alignment-suggest.js" in form
    response = client.post(
        "/alignment/suggest/",
        {"title_ru": "Морской порт во Владивостоке", "summary_ru": "Терминал для экспорта."},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-primary="P6"' in html
    assert "Far East place" in html
    assert "%" in html
    empty = client.post("/alignment/suggest/", {"title_en": "  "}).content.decode()
    assert "Type a title" in empty


def test_a_far_east_region_chosen_in_the_form_suggests_p6(
    client: Client, hashing_labeller: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    html = client.post(
        "/alignment/suggest/",
        {"title_en": "Greenhouse vegetables all year round", "regions": ["RU-KHA"]},
    ).content.decode()
    assert "Far East place" in html
    assert 'class="chosen">P6' in html


def test_a_registered_project_leaves_its_labels_as_an_example(
    client: Client, hashing_labeller: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    response = client.post(
        "/projects/new/",
        {
            "code": "JR-2020-0998",
            "title_ja": "ハバロフスクの温室",
            "summary_ja": "通年の野菜栽培",
            "status": "idea",
            "status_date": "2020-01-15",
            "primary_plan_area": "P6",
            "other_plan_areas": ["P4"],
            "national_projects": ["N12"],
            "disclosure": "internal",
            "suggested_primary": "P6",
        },
    )
    assert response.status_code == 302
    example = LabelExample.objects.get(project_code="JR-2020-0998")
    assert (example.language, example.primary_plan_area) == ("ja", "P6")
    assert example.plan_areas == ["P6", "P4"]
    assert example.national_projects == ["N12"]
    assert example.suggested_primary == "P6"
    assert example.accepted_by == secretariat_jp


def test_only_people_who_register_projects_get_suggestions(
    client: Client, hashing_labeller: None, make_user: Callable[..., User]
) -> None:
    assert client.post("/alignment/suggest/", {"title_en": "Port"}).status_code in (302, 403)
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert client.post("/alignment/suggest/", {"title_en": "Port"}).status_code == 403
    client.force_login(make_user(Role.SECRETARIAT, "RU"))
    assert client.get("/alignment/suggest/").status_code == 405


def test_the_import_preview_suggests_labels_for_new_projects(
    client: Client, hashing_labeller: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    csv_text = (
        "code,title_en,status,status_date,plan_areas,national_projects\n"
        "JR-2021-0501,Seaport terminal in Vladivostok for exports,idea,2021-02-01,P2,N4\n"
    )
    upload = SimpleUploadedFile("p.csv", csv_text.encode(), content_type="text/csv")
    html = client.post("/projects/import/", {"file": upload}).content.decode()
    assert "Suggested labels" in html
    assert "P6" in html.split("import-suggestion", 1)[1]
    assert "differs from the file" in html


@pytest.mark.unit
@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_a_reason_is_put_into_words_from_its_code_in_the_readers_language(language: str) -> None:
    from django.utils import translation

    from tandem.programme.labelling import Reason
    from tandem.web.alignment.labels import reason_text

    reasons = (
        Reason("far_east_place", ("Vladivostok", "Nakhodka")),
        Reason("close_to", ("seaport terminal",)),
    )
    with translation.override(language):
        shown = reason_text(reasons)
        items = translation.pgettext("list separator", ", ")
        between = translation.pgettext("reason separator", "; ")
        expected = (
            translation.gettext("Far East place: %(value)s")
            % {"value": f"Vladivostok{items}Nakhodka"}
            + between
            + translation.gettext("close to “%(value)s”") % {"value": "seaport terminal"}
        )
    assert shown == expected
    if language == "en":
        assert shown == "Far East place: Vladivostok, Nakhodka; close to “seaport terminal”"


def test_a_side_confidential_project_leaves_no_example(
    client: Client, hashing_labeller: None, secretariat_jp: User
) -> None:
    """The suggester serves both sides and can echo its examples: a side-confidential
    project's text never becomes one, and one made confidential later loses its example."""
    client.force_login(secretariat_jp)
    form = {
        "code": "JR-2020-0997",
        "title_ja": "ハバロフスクの秘密の温室",
        "summary_ja": "通年の野菜栽培",
        "status": "idea",
        "status_date": "2020-01-15",
        "primary_plan_area": "P6",
        "national_projects": ["N12"],
        "disclosure": "side_confidential",
        "confidential_side": "JP",
    }
    assert client.post("/projects/new/", form).status_code == 302
    assert not LabelExample.objects.filter(project_code="JR-2020-0997").exists()

    from tandem.projects.models import JointProject
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.projects import project_update

    shared = form | {"code": "JR-2020-0996", "disclosure": "internal", "confidential_side": ""}
    assert client.post("/projects/new/", shared).status_code == 302
    assert LabelExample.objects.filter(project_code="JR-2020-0996").exists()
    project = JointProject.objects.get(code="JR-2020-0996")
    project_update(
        project=project,
        data=ProjectIn.model_validate(
            {"code": project.code, "disclosure": "side_confidential", "confidential_side": "JP"}
        ),
        expected_version=project.version,
        actor=secretariat_jp,
    )
    assert not LabelExample.objects.filter(project_code="JR-2020-0996").exists()
