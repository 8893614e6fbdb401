"""IATI 2.03 from the command line.

tandem iati export -o FILE            the public projects as an activities file
tandem iati import FILE --user NAME   preview what FILE would change (nothing is written)
tandem iati import FILE --user NAME --commit   ... and write it, all or nothing
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.core.models import User
from tandem.interop.iati.importer import read_all
from tandem.interop.registry_iati import export_public_projects, project_in
from tandem.interop.registry_import import ImportRejectedError, commit, plan_items
from tandem.programme.selectors import current_programme
from tandem.projects.schemas import ProjectIn


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

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self._export(options["output"])
        else:
            self._import(options["file"], options["user"], options["commit"])

    def _export(self, output: Path) -> None:
        partial = output.with_name(output.name + ".part")
        try:
            with partial.open("wb") as handle:
                written, skipped = export_public_projects(handle)
            partial.replace(output)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"{output}: {exc.strerror}.") from exc
        self.stdout.write(f"activities written: {written} to {output}")
        if skipped:
            self.stdout.write(
                f"left out (no participants or no dates yet): {len(skipped)}: "
                + ", ".join(skipped[:20])
            )

    def _import(self, path: Path, username: str, write: bool) -> None:
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
        records, problems = read_all(raw, max_bytes=settings.TANDEM_UPLOAD_MAX_BYTES)
        file_problems = [str(p) for p in problems if p.is_file_problem]
        if file_problems:
            raise CommandError(f"{path} cannot be imported: {' '.join(file_problems)}")
        items: list[tuple[int, ProjectIn | str]] = []
        for position, record in enumerate(records, start=1):
            try:
                items.append((position, project_in(record)))
            except ValueError as exc:
                items.append((position, f"{record.code}: {exc}"))
        items += [(p.activity, str(p)) for p in problems if p.severity == "error" and p.activity]
        plan = plan_items(items, user, programme, path.name)
        for outcome in plan.outcomes:
            details = "; ".join(outcome.messages)
            self.stdout.write(f"{outcome.line:>6} {outcome.code:<16} {outcome.action:<9} {details}")
        summary = ", ".join(
            f"{plan.count(action)} {action}"
            for action in ("create", "change", "unchanged", "reject")
        )
        self.stdout.write(summary)
        if not write:
            self.stdout.write("Preview only: add --commit to write.")
            return
        try:
            counts = commit(plan, user, programme)
        except ImportRejectedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"imported: {counts['created']} created, {counts['changed']} changed")
