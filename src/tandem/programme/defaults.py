"""The embedded default programme: Japan's eight-point plan and Russia's national projects."""

from __future__ import annotations

from django.db import transaction

from tandem.core.defaults import read_data
from tandem.core.i18n import LANGUAGES, translated_fields
from tandem.core.models import Country
from tandem.programme.models import NationalProject, PlanArea, Programme


@transaction.atomic
def load_default() -> dict[str, int]:
    data = read_data("tandem.programme.data", "japan_russia.json")
    programme, _created = Programme.objects.update_or_create(
        code=data["code"],
        defaults={
            "plan_side": Country.objects.get(code=data["plan_side"]),
            "partner_side": Country.objects.get(code=data["partner_side"]),
            "plan_year": data["plan_year"],
            "priorities_year": data["priorities_year"],
            "project_code_prefix": data["project_code_prefix"],
        }
        | translated_fields("name", data["name"])
        | translated_fields("plan_name", data["plan_name"])
        | translated_fields("priorities_name", data["priorities_name"]),
    )
    for model, key in ((PlanArea, "plan_areas"), (NationalProject, "national_projects")):
        for number, row in enumerate(data[key], start=1):
            names = {language: row[language] for language in LANGUAGES}
            model.objects.update_or_create(
                programme=programme,
                code=row["code"],
                defaults={"number": number} | translated_fields("name", names),
            )
    return {
        "plan areas": PlanArea.objects.filter(programme=programme).count(),
        "national projects": NationalProject.objects.filter(programme=programme).count(),
    }
