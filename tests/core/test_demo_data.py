import pytest

from tandem.core.actors import DEMO_ACTOR
from tandem.core.demo.generator import generate_organisations, generate_people
from tandem.core.models import Organisation, Person
from tandem.core.services.demo import demo_data_create


@pytest.mark.unit
def test_generator_is_deterministic_for_a_seed() -> None:
    assert generate_organisations(7, 40) == generate_organisations(7, 40)
    assert generate_organisations(7, 40) != generate_organisations(8, 40)
    organisations = generate_organisations(7, 40)
    assert generate_people(7, 90, organisations) == generate_people(7, 90, organisations)


@pytest.mark.unit
def test_generator_names_every_record_in_three_languages() -> None:
    organisations = generate_organisations(1, 30)
    assert {org.side for org in organisations} == {"JP", "RU"}
    for org in organisations:
        assert org.name.en and org.name.ja and org.name.ru


@pytest.mark.integration
def test_demo_data_is_flagged_illustrative_and_idempotent(default_programme: None) -> None:
    counts = demo_data_create(seed=3, organisations=30, people=50, actor=DEMO_ACTOR)
    assert counts == {"organisations created": 30, "people created": 50}
    assert not Organisation.objects.filter(is_illustrative=False).exists()
    assert Person.objects.filter(is_illustrative=True).count() == 50
    again = demo_data_create(seed=3, organisations=30, people=50, actor=DEMO_ACTOR)
    assert again == {"organisations created": 0, "people created": 0}


@pytest.mark.integration
def test_demo_data_leaves_an_audit_record_for_each_row(default_programme: None) -> None:
    demo_data_create(seed=3, organisations=10, people=5, actor=DEMO_ACTOR)
    assert Organisation.history.filter(history_type="+").count() == 10  # type: ignore[attr-defined]
