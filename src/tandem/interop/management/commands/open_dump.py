"""tandem open_dump [--now]: the open-data portal's dump of today.

Run it daily (cron or a systemd timer): it asks the task worker to write the dump; with
``--now`` it writes it here and now. Either way dumps older than 90 days are removed.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tandem.core.actors import command_actor
from tandem.interop.open_dumps import open_dump_create
from tandem.interop.tasks import build_open_dump


class Command(BaseCommand):
    help = "Write today's open-data dump (CSV, JSON, IATI), or queue it for the task worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="write it here, not in the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            dump = open_dump_create(actor=command_actor("open_dump"))
            for entry in dump.files:
                self.stdout.write(f"{dump.day}/{entry.name}: {entry.rows} rows, {entry.sha256}")
            self.stdout.write(f"made in {dump.seconds} s")
            return
        build_open_dump.enqueue()
        self.stdout.write("queued for the task worker")
