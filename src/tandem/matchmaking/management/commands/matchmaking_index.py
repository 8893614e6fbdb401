"""Index the company profiles that changed since they were last indexed:
``tandem matchmaking-index [--all]``.

The task worker does this after every change; the command does it in batches after an import,
and with ``--all`` after the embedding model changed (vectors of the old model stay in the
cache under their old keys and are simply no longer read).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.matching import profiles_index_pending


class Command(BaseCommand):
    help = "Embed and index the company profiles that changed since they were last indexed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=256)
        parser.add_argument("--all", action="store_true", help="index every profile again")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:
            CompanyProfile.objects.update(indexed_at=None)
        indexed = profiles_index_pending(batch=options["batch"])
        self.stdout.write(f"company profiles indexed: {indexed}")
