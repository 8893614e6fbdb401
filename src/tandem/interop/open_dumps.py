"""Dated full dumps of the public registry for the open-data portal (/open/downloads/).

``open_dump_create`` writes the day's CSV, JSON and IATI 2.03 files of every public project
(the same columns and exporter as the portal's own files), each with its SHA-256 and row
count in a ``manifest.json`` written last: a day's folder without a manifest is unfinished
and never listed. Files go through :class:`tandem.core.storage.WholeFileSystemStorage`
(whole files or none). Dumps older than :data:`KEEP_DAYS` days are removed by the next run.
No transaction is held while writing: each file streams from its own read of the registry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, BinaryIO, cast

from django.conf import settings
from django.core.files import File
from django.utils import timezone

from tandem.core.actors import Actor
from tandem.core.storage import WholeFileSystemStorage
from tandem.interop.iati.export import write_activities
from tandem.interop.iati_registry.bulk_records import activity_sources
from tandem.interop.registry_iati import exportable, public_projects, reporting_org
from tandem.interop.tabular.bulk_rows import export_cells
from tandem.interop.tabular.columns import COLUMN_NAMES
from tandem.interop.tabular.export import cells_csv_chunks
from tandem.projects.selectors.registry import ProjectFilters, projects_for_export
from tandem.projects.selectors.visibility import visible_projects

KEEP_DAYS = 90
MANIFEST = "manifest.json"
FILES = ("projects.csv", "projects.json", "iati-activities.xml")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CHUNK = 2000
NO_CAP = 2**31 - 1
LICENCE = "CC BY 4.0 https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class DumpFile:
    name: str
    bytes: int
    sha256: str
    rows: int


@dataclass(frozen=True)
class Dump:
    day: str
    made: str  # ISO 8601, UTC
    made_by: str
    seconds: float
    files: list[DumpFile]


def dump_root() -> Path:
    return Path(getattr(settings, "TANDEM_OPEN_DUMP_DIR", settings.DATA_DIR / "open-dumps"))


def _storage() -> WholeFileSystemStorage:
    return WholeFileSystemStorage(location=str(dump_root()))


def _public_rows() -> Iterator[tuple[int, list[str]]]:
    from django.contrib.auth.models import AnonymousUser

    return export_cells(projects_for_export(AnonymousUser(), ProjectFilters(), NO_CAP), CHUNK)


def _write_csv(out: IO[bytes]) -> int:
    counted = [0]

    def counting(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
        for row in rows:
            counted[0] += 1
            yield row

    chunks = cells_csv_chunks(counting(_public_rows()))  # the rows come in chunks of many
    out.write(next(chunks).encode())  # the byte-order mark first
    out.write(f"# tandem open data, all public projects; Licence: {LICENCE}\r\n".encode())
    for chunk in chunks:
        out.write(chunk.encode())
    return counted[0]


def _write_json(out: IO[bytes]) -> int:
    rows = 0
    out.write(b'{"licence": ' + json.dumps(LICENCE).encode() + b', "projects": [')
    for _pk, cells in _public_rows():
        row = dict(zip(COLUMN_NAMES, cells, strict=True))
        out.write((b",\n" if rows else b"\n") + json.dumps(row, ensure_ascii=False).encode())
        rows += 1
    out.write(b"\n]}\n")
    return rows


def _write_iati(out: IO[bytes]) -> int:
    skipped: list[str] = []
    return write_activities(
        exportable(activity_sources(public_projects()), skipped),
        cast(BinaryIO, out),
        reporting_org=reporting_org(),
        generated=timezone.now(),
        left_out=lambda error: skipped.append(error.iati_identifier),
        preamble=f"tandem open data, all public projects; Licence: {LICENCE}",
    )


WRITERS: dict[str, Callable[[IO[bytes]], int]] = {
    "projects.csv": _write_csv,
    "projects.json": _write_json,
    "iati-activities.xml": _write_iati,
}


def _save(
    storage: WholeFileSystemStorage, name: str, write: Callable[[IO[bytes]], int]
) -> DumpFile:
    with tempfile.TemporaryFile() as handle:
        rows = write(handle)
        handle.seek(0)
        digest = hashlib.sha256()
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
        size = handle.tell()
        handle.seek(0)
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, File(handle))
    return DumpFile(name=name.rsplit("/", 1)[-1], bytes=size, sha256=digest.hexdigest(), rows=rows)


def open_dump_create(*, actor: Actor, now: dt.datetime | None = None) -> Dump:
    """Write today's dump (again, if it exists), then remove dumps past :data:`KEEP_DAYS`."""
    started = timezone.now()
    moment = now or started
    day = moment.date().isoformat()
    storage = _storage()
    manifest_name = f"{day}/{MANIFEST}"
    if storage.exists(manifest_name):  # made again: unfinished until its new manifest is in
        storage.delete(manifest_name)
    files = [_save(storage, f"{day}/{name}", WRITERS[name]) for name in FILES]
    dump = Dump(
        day=day,
        made=moment.replace(microsecond=0).isoformat(),
        made_by=str(actor),
        seconds=round((timezone.now() - started).total_seconds(), 3),
        files=files,
    )
    storage.save(manifest_name, File(_bytes_file(json.dumps(asdict(dump), indent=1).encode())))
    open_dumps_prune(today=moment.date())
    return dump


def _bytes_file(data: bytes) -> IO[bytes]:
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the caller's File
    handle.write(data)
    handle.seek(0)
    return handle


def open_dumps_prune(*, today: dt.date) -> list[str]:
    """Remove the folders of days more than :data:`KEEP_DAYS` before ``today``."""
    root = dump_root()
    removed: list[str] = []
    if not root.is_dir():
        return removed
    for folder in root.iterdir():
        if (
            folder.is_dir()
            and DAY.match(folder.name)
            and (today - dt.date.fromisoformat(folder.name)).days > KEEP_DAYS
        ):
            shutil.rmtree(folder)
            removed.append(folder.name)
    return removed


def open_dumps() -> list[Dump]:
    """The finished dumps (those with a manifest), newest first."""
    root = dump_root()
    dumps = []
    if root.is_dir():
        for manifest in sorted(root.glob(f"*/{MANIFEST}"), reverse=True):
            if not DAY.match(manifest.parent.name):
                continue
            data = json.loads(manifest.read_text())
            data["files"] = [DumpFile(**entry) for entry in data["files"]]
            dumps.append(Dump(**data))
    return dumps


def open_dump_file(day: str, name: str) -> Path | None:
    """The path of one file of a finished dump, or None."""
    if not DAY.match(day) or name not in FILES:
        return None
    path = dump_root() / day / name
    return path if path.is_file() and (path.parent / MANIFEST).is_file() else None


def public_registry_updated() -> dt.datetime | None:
    """When a public project last changed: the freshness of the live pages."""
    from django.contrib.auth.models import AnonymousUser

    latest = (
        visible_projects(AnonymousUser())
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
    )
    return latest.first()
