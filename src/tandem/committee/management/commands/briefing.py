"""The co-chairs' briefing pack from the command line.

``tandem briefing 16 --lang ja -o pack.pdf`` (or ``--format html``). Without ``--user`` the
pack lists what programme staff may see (public and programme-internal projects); with
``--user NAME`` it lists what that user may see. Counts always cover the whole registry.
"""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.committee.exporters.briefing import render_briefing
from tandem.committee.selectors.sessions import default_as_of, session_by_number
from tandem.core.files.atomic import write_atomically
from tandem.core.models import User
from tandem.core.validators import EARLIEST_DATE, LATEST_DATE, date_in_range


class Command(BaseCommand):
    help = "Write the briefing pack of a session as PDF or HTML in Japanese, Russian or English."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("session", type=int, help="the session's number, e.g. 16")
        parser.add_argument("--lang", choices=("ja", "ru", "en"), default="en")
        parser.add_argument("--format", choices=("pdf", "html"), default=None)
        parser.add_argument("-o", "--output", required=True, help="the file to write")
        parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--user", default=None, help="list what this user may see")

    def handle(self, *args: Any, **options: Any) -> None:
        session = session_by_number(options["session"])
        if session is None:
            raise CommandError(f"There is no session {options['session']}.")
        output = Path(options["output"])
        file_format = options["format"] or ("html" if output.suffix == ".html" else "pdf")
        if options["user"]:
            reader = User.objects.filter(username=options["user"], is_active=True).first()
            if reader is None:
                raise CommandError(f"There is no active user {options['user']}.")
        else:
            reader = User(role="auditor", is_active=True)
        as_of = options["as_of"] or default_as_of(session)
        if not date_in_range(as_of):
            raise CommandError(f"--as-of must be between {EARLIEST_DATE} and {LATEST_DATE}.")
        content = render_briefing(
            session, reader, language=options["lang"], file_format=file_format, as_of=as_of
        )
        try:
            write_atomically(output, content)
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}; nothing written") from exc
        self.stdout.write(
            f"briefing pack of session {session.number} ({options['lang']}, {file_format}, "
            f"as of {as_of}): {output} ({len(content):,} bytes)"
        )
