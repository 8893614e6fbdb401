"""The embedded default of the core: the two countries and their regions (facts, see docs)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from django.db import transaction

from tandem.core.i18n import LANGUAGES, translated_fields
from tandem.core.models import Country, FederalDistrict, Region


def read_data(package: str, name: str) -> Any:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@transaction.atomic
def load_default() -> dict[str, int]:
    """Create or update the countries, federal districts and regions; returns counts."""
    for row in read_data("tandem.core.data", "countries.json"):
        Country.objects.update_or_create(
            code=row["code"],
            defaults={"default_language": row["default_language"]}
            | translated_fields("name", row["name"]),
        )
    districts = {}
    for row in read_data("tandem.core.data", "federal_districts.json"):
        names = {language: row[f"name_{language}"] for language in LANGUAGES}
        districts[row["code"]], _created = FederalDistrict.objects.update_or_create(
            code=row["code"], defaults=translated_fields("name", names)
        )
    countries = {country.code: country for country in Country.objects.all()}
    for row in read_data("tandem.core.data", "regions.json"):
        names = {language: row[f"name_{language}"] for language in LANGUAGES}
        Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "country": countries[row["country"]],
                "kind": row["kind"],
                "federal_district": districts.get(row["federal_district"] or ""),
                "japan_region": row["japan_region"] or "",
                "status_disputed": row["status_disputed"],
                "status_note": row["status_note_en"] or "",
            }
            | translated_fields("name", names),
        )
    return {
        "countries": Country.objects.count(),
        "federal districts": FederalDistrict.objects.count(),
        "regions": Region.objects.count(),
    }
