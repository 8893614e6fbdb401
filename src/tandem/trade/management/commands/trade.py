"""`tandem trade import FILE [--format comtrade|japan|russia] [--dry-run]`,
`tandem trade report --format json|text` and `tandem trade fdi-import FILE`.

``import`` reads the file in bounded memory, all or nothing; on error it prints the first
errors (one line each, with the row) and exits with status 1, having written nothing; else it
prints the preview (rows and value by flow and year, totals, rows left out, totals checked
against their parts, warnings, first rows), with ``--dry-run`` without writing anything.
``report`` prints, per flow (reporter, partner, direction) and year: the total in US
dollars, the growth on the year before, the Herfindahl–Hirschman index over HS chapters
(0–1), the number of chapters making up 90% of value, and the share of non-resource goods.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import command_actor
from tandem.trade.formats import FORMATS
from tandem.trade.selectors.figures import TradeFilter, report_rows, trade_data
from tandem.trade.services.fdi import fdi_import
from tandem.trade.services.import_notes import preview_lines
from tandem.trade.services.imports import trade_import


class Command(BaseCommand):
    help = "Import trade statistics and report the trade indicators."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser("import", help="import a trade statistics CSV file")
        importing.add_argument("file")
        importing.add_argument("--format", dest="file_format", choices=FORMATS, default=None)
        importing.add_argument("--dry-run", action="store_true")
        importing.add_argument("--illustrative", action="store_true")
        reporting = commands.add_parser("report", help="print the indicators")
        reporting.add_argument("--format", dest="output", choices=("json", "text"), default="text")
        reporting.add_argument("--reporter", default="")
        fdi = commands.add_parser("fdi-import", help="import FDI figures from a CSV file")
        fdi.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import":
            self._import(options)
        elif action == "report":
            self._report(options)
        else:
            path = Path(options["file"])
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            try:
                count = fdi_import(
                    text=path.read_text(encoding="utf-8-sig"),
                    actor=command_actor("trade fdi-import"),
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(f"Imported {count} FDI figures.")

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with path.open("rb") as stream:
            report = trade_import(
                stream=stream,
                file_name=path.name,
                file_format=options["file_format"],
                actor=command_actor("trade import"),
                dry_run=options["dry_run"],
                illustrative=options["illustrative"],
            )
        if not report.ok:
            for line in report.errors:
                self.stderr.write(line)
            raise CommandError(report.summary())
        for line in preview_lines(report):
            self.stdout.write(line)

    def _report(self, options: dict[str, Any]) -> None:
        data = trade_data(TradeFilter(reporter=options["reporter"].upper()))
        rows = report_rows(data)
        if options["output"] == "json":
            payload = {"illustrative": data.illustrative, "hhi_scale": "0-1", "rows": rows}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        for row in rows:
            growth = "-" if row["growth"] is None else f"{row['growth']:+.1%}"
            share = row["non_resource_share"]
            self.stdout.write(
                f"{row['year']} {row['reporter']}→{row['partner']} {row['direction']:<7} "
                f"{row['total_usd']:>18} USD  growth {growth:>7}  HHI {row['hhi']:.3f}  "
                f"chapters for 90% {row['chapters_for_90']:>2}  non-resource "
                f"{'-' if share is None else f'{share:.1%}'}"
            )
