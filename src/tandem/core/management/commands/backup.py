"""Write the whole database and the uploaded files to one archive: ``tandem backup [-o FILE]``."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tandem.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write every table and the uploaded files to a portable zip archive that "
        "`tandem restore` reads on SQLite or PostgreSQL."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help="the archive to write (default: tandem-backup-YYYYMMDD-HHMMSS.zip here)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["output"] or Path(f"tandem-backup-{timezone.now():%Y%m%d-%H%M%S}.zip")
        try:
            summary = backup_create(path, media_root=Path(settings.MEDIA_ROOT))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}; nothing written.") from None
        size = summary.path.stat().st_size
        self.stdout.write(
            f"wrote {summary.path} ({size / 1_000_000:.1f} MB): {summary.tables} tables, "
            f"{summary.rows} rows, {summary.files} files, schema of {summary.migrations} "
            "migrations"
        )
