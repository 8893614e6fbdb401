"""`tandem demo-trade`: load the illustrative trade series 2013–2020 (flagged illustrative)."""

from typing import Any

from django.core.management.base import BaseCommand

from tandem.core.actors import DEMO_ACTOR
from tandem.trade.services.demo import demo_trade_create


class Command(BaseCommand):
    help = "Load an illustrative Russia–Japan trade series 2013–2020 by HS chapter."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seed", type=int, default=2019)

    def handle(self, *args: Any, **options: Any) -> None:
        report = demo_trade_create(seed=options["seed"], actor=DEMO_ACTOR)
        self.stdout.write(f"{report.summary()} (illustrative)")
