"""Create the illustrative B2B programme at Innoprom 2019 (made up, flagged):
``tandem demo-fairs``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import DEMO_ACTOR
from tandem.fairs.models import ScheduledMeeting
from tandem.fairs.services.demo import demo_fair_create


class Command(BaseCommand):
    help = "Create an illustrative B2B meeting programme at a fair, with a published schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fair", default="innoprom-2019")
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--time-limit", type=float, default=10.0)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            version = demo_fair_create(
                fair_slug=options["fair"],
                seed=options["seed"],
                time_limit=options["time_limit"],
                actor=DEMO_ACTOR,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if version is None:
            self.stdout.write("the fair already has participants: nothing created")
            return
        meetings = ScheduledMeeting.objects.filter(version=version).count()
        self.stdout.write(
            f"schedule v{version.number} published: {meetings} meetings, "
            f"objective {version.objective:g}, bound {version.bound}, "
            f"first come first served {version.baseline}"
        )
