"""Expire the published company profiles whose time is over: ``tandem expire-profiles``.

Run it once a day (cron, a systemd timer) or let the task worker do it with ``--enqueue``.
It is idempotent: a second run on the same day expires nothing more. Each expiry is in the
profile's history with the reason "expired: publication period over".
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from tandem.matchmaking.services.profiles import (
    profiles_due_for_expiry,
    profiles_expire_due,
    publication_period,
)


class Command(BaseCommand):
    help = "Expire the published company profiles whose publication period is over."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="the date to expire against, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would expire, change nothing"
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="hand the work to the task worker (tandem db_worker) instead of doing it here",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        if options["enqueue"]:
            from tandem.matchmaking.tasks import expire_company_profiles

            result = expire_company_profiles.enqueue()
            self.stdout.write(f"expiry task enqueued: {result.id}")
            return
        if options["dry_run"]:
            due = list(profiles_due_for_expiry(today=today).order_by("pk"))
            for profile in due:
                self.stdout.write(f"would expire: {profile.pk} {profile.name}")
            self.stdout.write(f"company profiles due to expire: {len(due)}")
            return
        expired = profiles_expire_due(today=today)
        for profile in expired:
            self.stdout.write(f"expired: {profile.pk} {profile.name}")
        days = publication_period().days
        self.stdout.write(
            f"company profiles expired: {len(expired)} (as of {today}, publication period "
            f"{days} days)"
        )
