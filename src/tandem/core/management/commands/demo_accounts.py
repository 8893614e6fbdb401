"""Create one demo account per role and print them: ``tandem demo-accounts``."""

from typing import Any

from django.core.management.base import BaseCommand

from tandem.core.actors import command_actor
from tandem.core.services.users import demo_accounts_create


class Command(BaseCommand):
    help = "Create (or reset) one demo account per role and print the sign-in details."

    def handle(self, *args: Any, **options: Any) -> None:
        accounts = demo_accounts_create(actor=command_actor("demo-accounts"))
        self.stdout.write("Demo accounts (for this demo database only):")
        for account in accounts:
            side = f" {account.side}" if account.side else ""
            self.stdout.write(f"  {account.username:<16} {account.password}  {account.role}{side}")
