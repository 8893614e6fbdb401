"""Issue an API token to a user and print it once:
``tandem api-token USERNAME NAME [--scope read|write] [--expires-days N]``."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import command_actor
from tandem.core.models import User
from tandem.core.models.api_token import DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS, TokenScope
from tandem.core.services.users import api_token_create


class Command(BaseCommand):
    help = "Issue a bearer token for the API to USERNAME; it is shown once, only its hash is kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'statistics export'")
        parser.add_argument(
            "--scope",
            choices=[scope.value for scope in TokenScope],
            default=TokenScope.READ.value,
            help="read (GET only, the default) or write (also POST, PATCH, PUT, DELETE)",
        )
        parser.add_argument(
            "--expires-days",
            type=int,
            default=DEFAULT_LIFETIME_DAYS,
            help=f"days until the token expires (1 to {MAX_LIFETIME_DAYS}; "
            f"default {DEFAULT_LIFETIME_DAYS})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {options['username']!r}.")
        actor = command_actor(f"api-token {user.username}")
        try:
            token, raw = api_token_create(
                user=user,
                name=options["name"],
                actor=actor,
                scope=options["scope"],
                expires_days=options["expires_days"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(raw)
        expires = token.expires_at.date().isoformat() if token.expires_at else "?"
        self.stderr.write(f"scope {token.scope}, expires {expires}")
