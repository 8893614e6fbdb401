"""Mark pending meeting requests past their expiry as expired: ``tandem expire-meeting-requests``
(run it daily, e.g. from cron or the task worker's schedule)."""

from typing import Any

from django.core.management.base import BaseCommand

from tandem.core.actors import command_actor
from tandem.fairs.services.requests import meeting_requests_expire


class Command(BaseCommand):
    help = "Mark pending meeting requests past their expiry as expired."

    def handle(self, *args: Any, **options: Any) -> None:
        count = meeting_requests_expire(actor=command_actor("expire-meeting-requests"))
        self.stdout.write(f"meeting requests expired: {count}")
