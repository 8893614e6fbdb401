"""Create illustrative joint projects (made up, flagged): ``tandem demo-projects``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.projects.services.demo import demo_projects_create


class Command(BaseCommand):
    help = "Create deterministic illustrative joint projects (flagged as illustrative)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--count", type=int, default=220)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created = demo_projects_create(seed=options["seed"], count=options["count"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"joint projects created: {created}")
