"""Replace the database and the uploaded files with a backup: ``tandem restore FILE``."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from tandem.core.backup import BackupError, applied_migrations, backup_restore


class Command(BaseCommand):
    help = (
        "Replace every record and uploaded file with those of a `tandem backup` archive, in one "
        "transaction (all or nothing). The database must be at the backup's schema version; an "
        "empty database is migrated first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file.")
        name = connection.settings_dict["NAME"]
        if options["interactive"]:
            answer = input(
                f"This replaces every record in database {name} and every uploaded file with "
                f"those of {archive}. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        if not applied_migrations():
            self.stdout.write("the database is empty: migrating it first")
            call_command("migrate", verbosity=0, interactive=False)
        try:
            summary = backup_restore(archive, media_root=Path(settings.MEDIA_ROOT))
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"restored {archive} into {name}: {summary.tables} tables, {summary.rows} rows, "
            f"{summary.files} files; every session ended (sign in again)"
        )
