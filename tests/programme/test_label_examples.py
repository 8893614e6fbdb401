import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import User
from tandem.programme.labelling.examples import bundled_examples
from tandem.programme.labelling.reasons import english
from tandem.programme.models import LabelExample
from tandem.programme.services.labelling import (
    ProjectText,
    best_text,
    label_example_record,
    registry_suggester,
    suggest_labels,
)

pytestmark = pytest.mark.integration


@pytest.mark.unit
def test_the_longest_language_is_the_text_suggested_from() -> None:
    text = best_text({"en": "Port", "ja": "ウラジオストク港の冷蔵倉庫"}, {"ja": "物流を改善する"})
    assert text is not None and text.language == "ja"
    assert best_text({"en": " "}, {}) is None


def test_accepted_labels_become_examples_at_the_next_suggestion(
    hashing_labeller: None, secretariat_jp: User
) -> None:
    text = ProjectText("en", "Zebra-striped snow crab hatchery", "Hatchery in a bay.")
    first = suggest_labels(text)
    current = registry_suggester()
    before = len(current.suggester.examples)
    label_example_record(
        text=text,
        primary_plan_area="P7",
        plan_areas=["P7"],
        national_projects=["N8"],
        project_code="JR-2020-0001",
        suggested_primary=first.primary_plan_area,
        actor=secretariat_jp,
    )
    again = suggest_labels(text)
    examples = current.suggester.examples
    assert len(examples) == before + 1
    assert examples[-1].primary_plan_area == "P7"
    assert "like example accepted-" in " ".join(english(item.reasons) for item in again.plan_areas)
    assert again.plan_areas[0].id == "P7"
    assert LabelExample.history.filter(history_user=secretariat_jp).exists()  # type: ignore[attr-defined]


def test_one_example_per_project_and_changed_labels_replace_it(
    hashing_labeller: None, secretariat_jp: User
) -> None:
    text = ProjectText("ru", "Теплица в Хабаровске", "")
    kwargs = {"text": text, "project_code": "JR-2020-0002", "actor": secretariat_jp}
    first = label_example_record(primary_plan_area="P6", **kwargs)  # type: ignore[arg-type]
    same = label_example_record(primary_plan_area="P6", **kwargs)  # type: ignore[arg-type]
    assert same.pk == first.pk
    changed = label_example_record(primary_plan_area="P5", plan_areas=["P6"], **kwargs)  # type: ignore[arg-type]
    assert LabelExample.objects.filter(project_code="JR-2020-0002").get().pk == changed.pk
    assert changed.plan_areas == ["P5", "P6"]


def test_unknown_labels_are_refused(hashing_labeller: None, secretariat_jp: User) -> None:
    with pytest.raises(ValidationError):
        label_example_record(
            text=ProjectText("en", "x", ""), primary_plan_area="P9", actor=secretariat_jp
        )


def test_a_far_east_region_suggests_p6_even_when_the_text_names_no_place(
    hashing_labeller: None,
) -> None:
    text = ProjectText("en", "Greenhouse vegetables all year round", "")
    plain = suggest_labels(text)
    placed = suggest_labels(text, far_east_regions=["Khabarovsk Krai"])
    assert "P6" in placed.chosen("plan_areas")
    p6 = {i.id: i for i in placed.plan_areas}["P6"]
    assert "Khabarovsk Krai" in english(p6.reasons)
    assert {i.id: i.score for i in plain.plan_areas}["P6"] < p6.score


def test_the_bundled_bank_is_still_there(hashing_labeller: None) -> None:
    suggest_labels(ProjectText("en", "Hospital", ""))
    assert len(registry_suggester().suggester.examples) >= len(bundled_examples())
