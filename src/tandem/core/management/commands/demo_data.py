"""Create illustrative demo data (made up, flagged as such): ``tandem demo-data``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import DEMO_ACTOR
from tandem.core.services.demo import demo_data_create


class Command(BaseCommand):
    help = "Create deterministic illustrative demo data (flagged as illustrative everywhere)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--organisations", type=int, default=120)
        parser.add_argument("--people", type=int, default=300)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = demo_data_create(
                seed=options["seed"],
                organisations=options["organisations"],
                people=options["people"],
                actor=DEMO_ACTOR,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
