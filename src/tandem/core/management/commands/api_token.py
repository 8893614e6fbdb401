"""Issue an API token to a user and print it once: ``tandem api-token USERNAME NAME``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import command_actor
from tandem.core.models import User
from tandem.core.services.users import api_token_create


class Command(BaseCommand):
    help = "Issue a bearer token for the API to USERNAME; it is shown once, only its hash is kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'statistics export'")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {options['username']!r}.")
        actor = command_actor(f"api-token {user.username}")
        _token, raw = api_token_create(user=user, name=options["name"], actor=actor)
        self.stdout.write(raw)
