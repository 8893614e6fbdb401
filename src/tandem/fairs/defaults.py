"""The embedded default trade fairs: Innoprom 2019 (Yekaterinburg) and CEATEC 2019 (Chiba)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from tandem.core.defaults import read_data
from tandem.core.i18n import translated_fields
from tandem.core.models import Country
from tandem.fairs.models import Fair
from tandem.programme.models import Programme


@transaction.atomic
def load_default() -> dict[str, int]:
    data = read_data("tandem.fairs.data", "japan_russia.json")
    programme = Programme.objects.get(code=data["programme"])
    for row in data["fairs"]:
        Fair.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "programme": programme,
                "country": Country.objects.get(code=row["country"]),
                "start_date": date.fromisoformat(row["start_date"]),
                "end_date": date.fromisoformat(row["end_date"]),
                "time_zone": row.get("time_zone", "UTC"),
            }
            | translated_fields("name", row["name"])
            | translated_fields("city", row["city"])
            | translated_fields("venue", row["venue"]),
        )
    return {"trade fairs": Fair.objects.filter(programme=programme).count()}
