"""Writes the illustrative demo data made by :mod:`tandem.core.demo.generator`."""

from __future__ import annotations

from dataclasses import astuple

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.demo.generator import generate_organisations, generate_people
from tandem.core.history import create_rows
from tandem.core.i18n import translated_fields
from tandem.core.models import Country, Organisation, Person, Region

BATCH_SIZE = 2000


@transaction.atomic
def demo_data_create(*, seed: int, organisations: int, people: int, actor: Actor) -> dict[str, int]:
    """Create the illustrative organisations and people that are missing (idempotent)."""
    sides = {country.code: country for country in Country.objects.all()}
    if not {"JP", "RU"} <= set(sides):
        raise ValueError("Load the default first (tandem load-default).")
    # Illustrative records are never placed where the two sides see the status differently.
    placeable = Region.objects.filter(status_disputed=False).order_by("code")
    regions = {code: list(placeable.filter(country__code=code)) for code in sides}
    generated_orgs = generate_organisations(seed, organisations)
    existing = set(
        Organisation.objects.filter(reference__startswith="demo-org-").values_list(
            "reference", flat=True
        )
    )
    new_orgs = []
    for org in generated_orgs:
        if org.key in existing:
            continue
        side_regions = regions[org.side]
        new_orgs.append(
            Organisation(
                reference=org.key,
                kind=org.kind,
                side=sides[org.side],
                region=side_regions[org.region_index % len(side_regions)] if side_regions else None,
                is_illustrative=True,
                **translated_fields("name", astuple(org.name)),
            )
        )
    create_rows(Organisation, new_orgs, actor=actor)
    org_ids = dict(
        Organisation.objects.filter(reference__startswith="demo-org-").values_list(
            "reference", "pk"
        )
    )
    existing_people = set(
        Person.objects.filter(reference__startswith="demo-person-").values_list(
            "reference", flat=True
        )
    )
    new_people = [
        Person(
            reference=person.key,
            side=sides[person.side],
            organisation_id=org_ids[person.organisation_key],
            is_illustrative=True,
            **translated_fields("name", astuple(person.name)),
            **translated_fields("position", astuple(person.position)),
        )
        for person in generate_people(seed, people, generated_orgs)
        if person.key not in existing_people
    ]
    create_rows(Person, new_people, actor=actor)
    return {"organisations created": len(new_orgs), "people created": len(new_people)}
