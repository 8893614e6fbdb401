"""The embedded default committee: the Russia–Japan Intergovernmental Committee, 15th session."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from tandem.committee.models import Committee, CommitteeSession, SessionCoChair
from tandem.core.defaults import read_data
from tandem.core.i18n import LANGUAGES, translated_fields
from tandem.core.models import Country, Person
from tandem.programme.models import Programme


@transaction.atomic
def load_default() -> dict[str, int]:
    data = read_data("tandem.committee.data", "japan_russia.json")
    programme = Programme.objects.get(code=data["programme"])
    committee, _created = Committee.objects.update_or_create(
        programme=programme, defaults=translated_fields("name", data["committee"])
    )
    countries = {country.code: country for country in Country.objects.all()}
    people = {}
    for row in data["people"]:
        people[row["key"]], _created = Person.objects.update_or_create(
            name_en=row["name"]["en"],
            side=countries[row["side"]],
            defaults=translated_fields("name", row["name"])
            | translated_fields("position", row["position"]),
        )
    for row in data["sessions"]:
        session, _created = CommitteeSession.objects.update_or_create(
            committee=committee,
            number=row["number"],
            defaults={
                "start_date": date.fromisoformat(row["start_date"]),
                "end_date": date.fromisoformat(row["end_date"]),
                "country": countries[row["country"]],
                "status": row["status"],
            }
            | translated_fields("city", row["city"]),
        )
        for co_chair in row["co_chairs"]:
            person = people[co_chair["person"]]
            SessionCoChair.objects.update_or_create(
                session=session,
                side=countries[co_chair["side"]],
                defaults={"person": person}
                | {
                    f"title_{language}": getattr(person, f"position_{language}")
                    for language in LANGUAGES
                }
                | {"title": person.position},
            )
    return {"committee sessions": CommitteeSession.objects.filter(committee=committee).count()}
