"""Illustrative records are never placed in a region whose status the two sides see differently.

Every demo command runs (the whole `make demo` sequence, on smaller counts), then every model
that points at a region — by a foreign key or a many-to-many field, history tables included —
is searched for a row placed in such a region.
"""

from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command, get_commands
from django.db import models

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import Region
from tandem.matchmaking.services.demo import demo_market_create

# Each demo command with arguments that keep the run short; in the order `make demo` runs them.
# The commands that only reuse organisations made before them run too: nothing they create
# may point at a region either.
DEMO_COMMANDS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("demo_data", {}),
    ("demo_projects", {"count": 60}),
    ("demo_exchange", {}),
    ("demo_committee", {}),
    ("demo_trade", {}),
    ("demo_press", {}),
    ("demo_accounts", {}),
)
# Commands whose placing part is called directly: the rest of the command is long and places
# nothing (indexing the profiles for matching; solving the fair's schedule between the
# organisations demo_data made).
PLACED_BY_SERVICE = {"demo_matchmaking": "demo_market_create", "demo_fairs": "(none)"}


def _region_fields() -> list[tuple[type[models.Model], str]]:
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            forward = not field.auto_created and (field.many_to_one or field.many_to_many)
            if related is Region and forward:
                found.append((model, field.name))
    return found


@pytest.mark.unit
def test_every_demo_command_is_in_the_region_check() -> None:
    demo_commands = {name for name in get_commands() if name.startswith("demo_")}
    assert demo_commands == {name for name, _ in DEMO_COMMANDS} | set(PLACED_BY_SERVICE)


@pytest.mark.integration
def test_demo_data_places_nothing_in_a_region_whose_status_is_seen_differently(
    default_programme: None,
) -> None:
    disputed = set(Region.objects.filter(status_disputed=True).values_list("code", flat=True))
    assert {"UA-23", "UA-43"} <= disputed  # Zaporizhzhia and Crimea keep their flag
    for name, options in DEMO_COMMANDS:
        call_command(name, verbosity=0, **options)
    demo_market_create(seed=2019, actor=DEMO_ACTOR)
    fields = _region_fields()
    assert any(model._meta.model_name == "organisation" for model, _ in fields)
    placed = {
        f"{model._meta.label}.{field}": list(
            model._default_manager.filter(**{f"{field}__status_disputed": True})
            .values_list("pk", flat=True)
            .distinct()[:5]
        )
        for model, field in fields
    }
    assert {label: pks for label, pks in placed.items() if pks} == {}
