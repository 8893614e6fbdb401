"""A registry file as uploaded: projects and their records, planned and committed together.

- An XLSX workbook: the projects on its first sheet, and the records on the sheets named
  ``financing``, ``milestones``, ``results``, ``result_values`` and ``sources`` (as the
  registry's XLSX export writes them).
- A CSV file: the projects, or the records of one kind (a file whose header names a
  ``project`` column; see :mod:`tandem.interop.tabular.records`).

All or nothing: the commit writes the projects and then their records in one transaction,
and any refusal leaves the registry as it was.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tandem.interop.registry_import import ImportPlan, ImportRejectedError, commit, plan_table
from tandem.interop.registry_records import (
    RecordsRefusedError,
    check_versions,
    commit_records,
    plan_records,
)
from tandem.interop.tabular.read import UnreadableFileError, read_table
from tandem.interop.tabular.records import (
    RECORD_TABLE_NAMES,
    is_record_header,
    read_record_sheets,
    table_of_header,
)
from tandem.programme.models import Programme


def _is_workbook(raw: bytes, filename: str) -> bool:
    return filename.lower().endswith(".xlsx") or raw[:4] == b"PK\x03\x04"


def plan_registry_file(
    raw: bytes, filename: str, user: Any, programme: Programme, *, max_bytes: int, max_rows: int
) -> ImportPlan:
    """What the file would do, row by row (projects and records), without writing."""
    try:
        table = read_table(raw, filename, max_bytes=max_bytes, max_rows=max_rows)
    except UnreadableFileError as error:
        return ImportPlan(file_problems=[str(error)], source=filename)
    if is_record_header(table.header) and not _is_workbook(raw, filename):
        kind = table_of_header(table.header, filename)
        plan = ImportPlan(source=filename)
        if kind is None:
            plan.file_problems.append(
                _(
                    "A file of records has the columns of one kind, as the registry's export "
                    "writes them, or is named for its kind (%(kinds)s)."
                )
                % {"kinds": ", ".join(RECORD_TABLE_NAMES)}
            )
        else:
            plan.records = plan_records({kind.name: table}, user, new_codes=set())
        return plan
    plan = plan_table(table, user, programme, filename)
    if _is_workbook(raw, filename) and not plan.file_problems:
        try:
            sheets = read_record_sheets(raw, max_rows)
        except UnreadableFileError as error:
            plan.file_problems.append(str(error))
            return plan
        new_codes = {outcome.code for outcome, _data, version, _r in plan.items if version is None}
        plan.records = plan_records(sheets, user, new_codes=new_codes)
    return plan


@transaction.atomic
def commit_registry_file(plan: ImportPlan, user: Any, programme: Programme) -> dict[str, int]:
    """Write the projects, then their records, as ``user``, or nothing; raises
    ImportRejectedError."""
    try:
        check_versions(plan.records)
        counts = commit(plan, user, programme)
        counts["records"] = commit_records(plan.records, actor=user)
    except RecordsRefusedError as error:
        raise ImportRejectedError(str(error)) from error
    return counts
