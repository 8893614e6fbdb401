"""Create illustrative joint projects (made up, flagged): ``tandem demo-projects``."""

from importlib import resources
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import DEMO_ACTOR
from tandem.programme.services.alignment import intended_alignment_demo_create
from tandem.projects.services.demo import demo_projects_create
from tandem.projects.services.rates import exchange_rates_import


class Command(BaseCommand):
    help = "Create deterministic illustrative joint projects (flagged as illustrative)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--count", type=int, default=220)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created = demo_projects_create(
                seed=options["seed"], count=options["count"], actor=DEMO_ACTOR
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"joint projects created: {created}")
        rates = resources.files("tandem.projects.data").joinpath("demo_exchange_rates.csv")
        count = exchange_rates_import(
            text=rates.read_text(encoding="utf-8"),
            source="illustrative approximate year-end rates (demo only)",
            actor=DEMO_ACTOR,
        )
        self.stdout.write(f"illustrative exchange rates loaded: {count}")
        intent = intended_alignment_demo_create(actor=DEMO_ACTOR)
        self.stdout.write(f"illustrative intended alignment links: {intent}")
