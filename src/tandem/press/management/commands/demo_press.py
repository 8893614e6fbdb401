"""``tandem demo-press``: illustrative press articles, read and linked (run after demo-projects)."""

from typing import Any

from django.core.management.base import BaseCommand

from tandem.core.actors import DEMO_ACTOR
from tandem.press.services.demo import demo_press_create


class Command(BaseCommand):
    help = "Ingest the illustrative press articles (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        for label, count in demo_press_create(actor=DEMO_ACTOR).items():
            self.stdout.write(f"{label}: {count}")
