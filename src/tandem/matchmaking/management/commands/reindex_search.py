"""Rebuild the search text of projects and company profiles: ``tandem reindex-search``.

Run it after an upgrade that brings cross-language search, and after loading many
organisations or people whose names records should be found by in other languages.
"""

from typing import Any

from django.core.management.base import BaseCommand

from tandem.core.actors import command_actor
from tandem.matchmaking.services.search_index import profiles_search_reindex
from tandem.projects.services.search_index import projects_search_reindex


class Command(BaseCommand):
    help = "Rebuild the cross-language search text of projects and company profiles."

    def handle(self, *args: Any, **options: Any) -> None:
        actor = command_actor("reindex-search")
        projects = projects_search_reindex(actor=actor)
        self.stdout.write(f"projects re-indexed: {projects}")
        profiles = profiles_search_reindex(actor=actor)
        self.stdout.write(f"company profiles re-indexed: {profiles}")
