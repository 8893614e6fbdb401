"""IATI 2.03 from the command line.

tandem iati export -o FILE            the public projects as an activities file
tandem iati import FILE --user NAME   preview what FILE would change (nothing is written)
tandem iati import FILE --user NAME --commit   ... and write it, all or nothing
    --side REF_OR_NAME=XX   confirms the side of a participant the file does not make clear
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.actors import command_actor
from tandem.core.models import User
from tandem.interop.iati_registry.plan import iati_import_plan
from tandem.interop.iati_registry.write import ImportFailedError, iati_import_commit
from tandem.interop.registry_iati import export_public_projects
from tandem.programme.selectors import current_programme


class Command(BaseCommand):
    help = "Export the public projects as IATI 2.03, or import an IATI file (preview, then commit)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="write the public projects as IATI 2.03")
        export.add_argument("-o", "--output", type=Path, required=True)
        read = actions.add_parser("import", help="read an IATI 2.03 activities file")
        read.add_argument("file", type=Path)
        read.add_argument("--user", required=True, help="the user the changes are made as")
        read.add_argument("--commit", action="store_true", help="write the changes")
        read.add_argument(
            "--side",
            action="append",
            default=[],
            metavar="REF_OR_NAME=XX",
            help="the side (country code) of a participant the file does not make clear",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self._export(options["output"])
        else:
            sides = dict(item.partition("=")[::2] for item in options["side"])
            self._import(options["file"], options["user"], options["commit"], sides)

    def _export(self, output: Path) -> None:
        partial = output.with_name(output.name + ".part")
        try:
            with partial.open("wb") as handle:
                written, skipped = export_public_projects(handle)
            partial.replace(output)
        except OSError as exc:
            raise CommandError(f"{output}: {exc.strerror}.") from exc
        except Exception as exc:
            raise CommandError(
                f"{output}: the export failed ({exc}); no file was written."
            ) from exc
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"activities written: {written} to {output}")
        if skipped:
            self.stdout.write(f"left out: {len(skipped)}")
            for reason in skipped:
                self.stdout.write(f"  {reason}")

    def _import(self, path: Path, username: str, write: bool, sides: dict[str, str]) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        programme = current_programme()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        if programme is None:
            raise CommandError("No programme is loaded: run tandem load-default first.")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}.") from exc
        actor = command_actor("iati import", user)
        plan = iati_import_plan(
            raw=raw, source=path.name, actor=actor, programme=programme, sides=sides
        )
        if plan.file_problems:
            raise CommandError(f"{path} cannot be imported: " + " ".join(plan.file_problems))
        for outcome in plan.outcomes:
            where = f"line {outcome.line}" if outcome.line else f"activity {outcome.number}"
            code = outcome.code or "-"
            self.stdout.write(f"{where:>14} {outcome.action:<9} {code:<16} {outcome.identifier}")
        for problem in plan.problems:
            self.stdout.write(problem)
        self.stdout.write(plan.summary())
        if not write:
            self.stdout.write("Preview only: add --commit to write.")
            return
        try:
            counts = iati_import_commit(plan=plan, actor=actor, programme=programme)
        except ImportFailedError as exc:
            raise CommandError(f"Nothing was imported: {exc}.") from exc
        self.stdout.write(
            f"imported: {counts['created']} created, {counts['changed']} changed, "
            f"{counts['organisations']} organisations created for review"
        )
