"""Create the illustrative exchange cohort (made up, flagged): ``tandem demo-exchange``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.exchange.services.demo import demo_exchange_create


class Command(BaseCommand):
    help = (
        "Create a deterministic illustrative cohort of the productivity exchange: about 40 "
        "enterprises, 60 dispatches, 80 placements and their KPI series (flagged illustrative)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2019)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created = demo_exchange_create(seed=options["seed"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for label, count in created.items():
            self.stdout.write(f"{label}: {count}")
