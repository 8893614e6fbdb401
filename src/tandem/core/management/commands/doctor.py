"""`tandem doctor`: the checks of /readyz, with what to do about each."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tandem.core.health import Status, readiness

MARKS = {Status.OK: "ok", Status.DEGRADED: "WARN", Status.FAILED: "FAIL"}


class Command(BaseCommand):
    help = "Check the database, the cache, free space and the task worker; say what to do."

    def handle(self, *args: Any, **options: Any) -> None:
        result = readiness()
        for check in result.checks:
            self.stdout.write(f"{MARKS[check.status]:>4}  {check.name}: {check.detail}")
            if check.advice and check.status is not Status.OK:
                self.stdout.write(f"      → {check.advice}")
        self.stdout.write(f"overall: {result.status.value} ({result.milliseconds:.0f} ms)")
        if result.status is not Status.OK:
            raise CommandError(f"tandem is {result.status.value}: see the advice above.")
