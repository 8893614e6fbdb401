"""The effect report from the command line.

``tandem effect-report [--format json|pdf] [-o FILE]``
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from tandem.core.files.atomic import write_atomically
from tandem.exchange.reporting import effect_report_data, effect_report_pdf
from tandem.exchange.selectors.effect import effect_report


class Command(BaseCommand):
    help = (
        "Write the productivity exchange's effect report: per indicator and cohort, n, the "
        "estimated change from baseline, its confidence interval and the method."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("json", "pdf"), default="json")
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
        parser.add_argument(
            "--method",
            choices=("auto", "bootstrap-bca", "bootstrap-percentile", "t-test"),
            default="auto",
        )
        parser.add_argument("--confidence", type=float, default=0.95)
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--language", choices=("en", "ja", "ru"), default="en")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0.5 <= options["confidence"] < 1:
            raise CommandError("--confidence must lie between 0.5 and 1, e.g. 0.95.")
        output: Path | None = options["output"]
        if options["format"] == "pdf" and output is None:
            raise CommandError("A PDF needs a file: give -o FILE.")
        with translation.override(options["language"]):
            report = effect_report(
                method=options["method"], confidence=options["confidence"], seed=options["seed"]
            )
            if options["format"] == "pdf":
                content: bytes = effect_report_pdf(report)
            else:
                content = (effect_report_data(report).model_dump_json(indent=2) + "\n").encode()
        if output is None:
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        try:
            write_atomically(output, content)
        except OSError as exc:
            raise CommandError(f"{output}: {exc.strerror}; nothing written.") from exc
        indicators = len(report.indicators)
        self.stderr.write(f"effect report written to {output} ({indicators} indicators)")
