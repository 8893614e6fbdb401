"""Create one demo account per role and print them: ``tandem demo-accounts``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tandem.core.actors import command_actor
from tandem.core.enums import OrganisationKind
from tandem.core.models import Country, Organisation
from tandem.core.services.users import demo_accounts_create


class Command(BaseCommand):
    help = "Create (or reset) one demo account per role and print the sign-in details."

    def handle(self, *args: Any, **options: Any) -> None:
        if Country.objects.filter(code__in=("JP", "RU")).count() < 2:
            raise CommandError("Load the default first (tandem load-default).")
        companies = Organisation.objects.filter(is_illustrative=True, kind=OrganisationKind.COMPANY)
        if not companies.exists():
            raise CommandError(
                "Create the illustrative organisations first (tandem demo-data): "
                "the company representative's account needs a company."
            )
        accounts = demo_accounts_create(actor=command_actor("demo-accounts"))
        self.stdout.write("Demo accounts (for this demo database only):")
        for account in accounts:
            side = f" {account.side}" if account.side else ""
            self.stdout.write(f"  {account.username:<16} {account.password}  {account.role}{side}")
