"""Load exchange rates from a CSV file: ``tandem rates-import RATES.csv``."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import command_actor
from tandem.projects.services.rates import exchange_rates_import


class Command(BaseCommand):
    help = "Import exchange rates (date,currency,per_usd: units per US dollar), all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", default="", help="where the rates come from")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
            count = exchange_rates_import(
                text=text,
                source=options["source"] or path.name,
                actor=command_actor("rates-import"),
            )
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}.") from exc
        except (UnicodeDecodeError, ValidationError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(f"exchange rates loaded: {count}")
