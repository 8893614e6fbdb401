"""Create illustrative company profiles and introductions: ``tandem demo-matchmaking``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import DEMO_ACTOR
from tandem.matchmaking.services.demo import demo_market_create
from tandem.matchmaking.services.matching import profiles_index_pending


class Command(BaseCommand):
    help = "Create deterministic illustrative company profiles (flagged) and index them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2019)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            profiles, introductions = demo_market_create(seed=options["seed"], actor=DEMO_ACTOR)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"company profiles created: {profiles}; introductions: {introductions}")
        self.stdout.write(f"company profiles indexed for matching: {profiles_index_pending()}")
