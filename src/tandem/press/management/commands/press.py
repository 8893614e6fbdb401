"""The press monitor from the command line.

``tandem press extract ARTICLE [--format json|text] [--published YYYY-MM-DD]`` prints the
facts of one article (txt, html, pdf or docx), linked to the registry, its figures checked.
``tandem press ingest FILE… [--source TEXT]`` stores articles; a file whose text is already
stored is reported as a duplicate and not stored again.
``tandem press watch [--once] [--interval SECONDS] [--enqueue]`` reads the press inbox
(TANDEM_DATA_DIR/press-inbox) now and then every interval; ``--enqueue`` leaves each scan to
the task worker instead (``tandem db_worker``).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import command_actor
from tandem.press.extraction import read_article
from tandem.press.extraction.reading import ArticleError
from tandem.press.services.ingest import article_ingest, extract_linked


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Read press articles: extract their facts, or ingest them into tandem."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        extract = commands.add_parser("extract", help="print the facts of one article")
        extract.add_argument("article", type=Path)
        extract.add_argument("--format", choices=("json", "text"), default="json")
        extract.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
        ingest = commands.add_parser("ingest", help="store articles (duplicates are skipped)")
        ingest.add_argument("files", type=Path, nargs="+")
        ingest.add_argument("--source", default="", help="where the articles came from")
        ingest.add_argument("--published", type=_date)
        watch = commands.add_parser("watch", help="ingest what arrives in the press inbox")
        watch.add_argument("--once", action="store_true", help="scan once and stop")
        watch.add_argument("--interval", type=float, default=60.0, help="seconds between scans")
        watch.add_argument(
            "--enqueue", action="store_true", help="leave each scan to the task worker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "extract":
            self._extract(options)
        elif options["action"] == "watch":
            self._watch(options)
        else:
            self._ingest(options)

    def _watch(self, options: dict[str, Any]) -> None:
        from tandem.press.services.inbox import inbox_folder, inbox_scan
        from tandem.press.tasks import scan_press_inbox

        if options["interval"] < 1:
            raise CommandError("--interval must be at least 1 second.")
        self.stdout.write(f"watching {inbox_folder()}")
        while True:
            if options["enqueue"]:
                scan_press_inbox.enqueue()
                self.stdout.write("scan enqueued")
            else:
                self.stdout.write(str(inbox_scan(actor=command_actor("press watch"))))
            if options["once"]:
                return
            time.sleep(options["interval"])

    def _extract(self, options: dict[str, Any]) -> None:
        path: Path = options["article"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            article = read_article(path)
        except ArticleError as error:
            raise CommandError(str(error)) from error
        linked = extract_linked(article.text, options["published"] or article.published)
        data = linked.as_json()
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{data['published']} [{data['language']}] {data['headline']}")
        for kind in ("people", "organisations", "places", "events", "figures"):
            for row in data[kind]:
                self.stdout.write(f"  {kind}: {json.dumps(row, ensure_ascii=False)}")
        self.stdout.write(f"  themes: {', '.join(data['themes'])}")

    def _ingest(self, options: dict[str, Any]) -> None:
        stored = duplicates = 0
        for path in options["files"]:
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            try:
                result = article_ingest(
                    content=path.read_bytes(),
                    name=path.name,
                    source=options["source"] or str(path),
                    published=options["published"],
                    actor=command_actor("press ingest"),
                )
            except ValidationError as error:
                raise CommandError(f"{path}: {' '.join(error.messages)}") from error
            if result.created:
                stored += 1
                self.stdout.write(f"stored {path.name} as article {result.article.pk}")
            else:
                duplicates += 1
                self.stdout.write(
                    f"duplicate {path.name}: same text as article {result.article.pk}"
                )
        self.stdout.write(f"{stored} stored, {duplicates} duplicates")
