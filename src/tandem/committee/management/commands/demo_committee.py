"""Add illustrative committee records (made up, flagged): ``tandem demo-committee``."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR


class Command(BaseCommand):
    help = (
        "Add an illustrative agenda, decisions and action items to the 15th session and a "
        "planned 16th session with its drafted agenda (all flagged illustrative)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2019)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created = committee_demo_create(seed=options["seed"], actor=DEMO_ACTOR)
        except ObjectDoesNotExist as exc:
            raise CommandError("Load the default first: tandem load-default.") from exc
        for name, count in created.items():
            self.stdout.write(f"{name} created: {count}")
