"""A portable backup of the whole database and the uploaded files, and its restore.

The archive is a zip file:

- ``manifest.json``: the format and its version, the time (UTC), the database it came from,
  the schema version (every applied migration, ``app.name``), and for every table its model,
  columns, row count and SHA-256; for every uploaded file its size and SHA-256;
- ``tables/<table>.jsonl``: one JSON array a line, one line a row, the columns in the
  manifest's order, rows by primary key; dates and times in ISO 8601 (UTC), decimals as
  strings, binary as base64;
- ``media/<path>``: the uploaded files of the data dir.

Every table of every installed model is in it (content types, permissions, history tables,
many-to-many tables, allauth's authenticators…) except the sessions. Rows keep their primary
keys, so a restore reproduces the database exactly, on SQLite or PostgreSQL, whichever made the
archive. A restore refuses an archive whose schema version differs from the database's, checks
every checksum first, and replaces everything in one transaction: all or nothing. Sessions are
emptied (everyone signs in again) and the cache is cleared.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import os
import secrets
import shutil
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "tandem-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# Sessions are not data: a restored database starts with none (everyone signs in again).
EXCLUDED_TABLES = frozenset({"django_session"})
BATCH = 1000


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why in one sentence."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    tables: int
    rows: int
    files: int
    migrations: int


def database_models() -> list[type[models.Model]]:
    """Every concrete, managed model with a table of its own, one per table, by table name."""
    seen: dict[str, type[models.Model]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in seen:
            continue
        seen[meta.db_table] = model
    return [seen[table] for table in sorted(seen)]


def columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.concrete_fields)


def applied_migrations(using: str = "default") -> list[str]:
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def table_rows(model: type[models.Model], using: str = "default") -> Iterator[list[Any]]:
    """The rows of ``model``'s table as JSON-ready lists, by primary key."""
    names = [field.attname for field in columns(model)]
    queryset = model._base_manager.using(using).order_by("pk").values_list(*names)
    for row in queryset.iterator(chunk_size=2000):
        yield [_encode(value) for value in row]


def _dump_line(row: list[Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())


CHUNK = 1 << 20


def _archive_file(archive: zipfile.ZipFile, file: Path, name: str) -> dict[str, Any]:
    """Copy ``file`` into the archive a megabyte at a time; its size and checksum."""
    digest, size = hashlib.sha256(), 0
    large = file.stat().st_size >= zipfile.ZIP64_LIMIT
    with file.open("rb") as source, archive.open(name, "w", force_zip64=large) as target:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def backup_create(path: Path, *, media_root: Path, using: str = "default") -> BackupSummary:
    """Write the archive to ``path`` (atomically: a finished file or none)."""
    connection = connections[using]
    migrations = applied_migrations(using)
    if not migrations:
        raise BackupError("The database has no tables yet: run `tandem migrate` first.")
    path = path.resolve()
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    tables: dict[str, dict[str, Any]] = {}
    files: dict[str, dict[str, Any]] = {}
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            outermost = not connection.in_atomic_block
            with transaction.atomic(using=using):
                if connection.vendor == "postgresql" and outermost:
                    with connection.cursor() as cursor:  # one consistent snapshot of every table
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                for model in database_models():
                    table = model._meta.db_table
                    if table in EXCLUDED_TABLES:
                        continue
                    digest = hashlib.sha256()
                    count = 0
                    with archive.open(f"tables/{table}.jsonl", "w") as handle:
                        for row in table_rows(model, using):
                            line = _dump_line(row)
                            digest.update(line)
                            handle.write(line)
                            count += 1
                    tables[table] = {
                        "model": model._meta.label,
                        "columns": [str(field.column) for field in columns(model)],
                        "rows": count,
                        "sha256": digest.hexdigest(),
                    }
            for file in _media_files(media_root):
                name = file.relative_to(media_root).as_posix()
                files[name] = _archive_file(archive, file, f"media/{name}")
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created_at": timezone.now().astimezone(dt.UTC).isoformat(),
                "database": connection.vendor,
                "migrations": migrations,
                "tables": tables,
                "files": files,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupSummary(
        path=path,
        tables=len(tables),
        rows=sum(entry["rows"] for entry in tables.values()),
        files=len(files),
        migrations=len(migrations),
    )


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError("This file is not a tandem backup: it has no manifest.json.") from None
    except ValueError:
        raise BackupError("The backup's manifest.json is not valid JSON.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError("This file is not a tandem backup (its manifest names no tandem format).")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup is in format version {manifest.get('version')}; this tandem reads "
            f"version {FORMAT_VERSION}."
        )
    return manifest


def _listed(names: Iterable[str], limit: int = 5) -> str:
    ordered = sorted(names)
    shown = ", ".join(ordered[:limit])
    return shown + (f" and {len(ordered) - limit} more" if len(ordered) > limit else "")


def schema_mismatch(archived: Iterable[str], current: Iterable[str]) -> str | None:
    """One clear sentence when the schema versions differ, else None."""
    archived_set, current_set = set(archived), set(current)
    if archived_set == current_set:
        return None
    parts = []
    if archived_set - current_set:
        parts.append(
            f"the backup has migrations this database lacks ({_listed(archived_set - current_set)})"
        )
    if current_set - archived_set:
        parts.append(
            f"this database has migrations the backup lacks ({_listed(current_set - archived_set)})"
        )
    return (
        "The backup's schema version differs from this database's: "
        + "; ".join(parts)
        + ". Restore it with the tandem version that made it (or migrate a database to match); "
        "nothing was changed."
    )


def _verify(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    for table, entry in manifest["tables"].items():
        if _sha256(archive, f"tables/{table}.jsonl") != entry["sha256"]:
            raise BackupError(f"The backup is damaged: table {table} fails its checksum.")
    for name, entry in manifest["files"].items():
        if _sha256(archive, f"media/{name}") != entry["sha256"]:
            raise BackupError(f"The backup is damaged: file {name} fails its checksum.")


def _sha256(archive: zipfile.ZipFile, member: str) -> str:
    """The checksum of one member, read a megabyte at a time."""
    digest = hashlib.sha256()
    with archive.open(member) as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _decode_rows(
    model: type[models.Model], handle: Iterable[bytes], using: str
) -> Iterator[list[Any]]:
    connection = connections[using]
    fields = columns(model)
    for line in handle:
        values = json.loads(line)
        yield [
            field.get_db_prep_save(field.to_python(value), connection)
            for field, value in zip(fields, values, strict=True)
        ]


def _insert(model: type[models.Model], rows: Iterator[list[Any]], using: str) -> int:
    connection = connections[using]
    quote = connection.ops.quote_name
    names = ", ".join(quote(str(field.column)) for field in columns(model))
    marks = ", ".join(["%s"] * len(columns(model)))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
    count = 0
    batch: list[list[Any]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _check_tables(manifest: dict[str, Any], by_table: dict[str, type[models.Model]]) -> None:
    for table, entry in manifest["tables"].items():
        model = by_table.get(table)
        if model is None or table in EXCLUDED_TABLES:
            raise BackupError(f"The backup has a table this tandem does not know: {table}.")
        expected = [str(field.column) for field in columns(model)]
        if entry["columns"] != expected:
            raise BackupError(f"The backup's table {table} has other columns than this database's.")


def _swap_media(staged: Path, media_root: Path) -> None:
    previous = media_root.with_name(f".{media_root.name}.before-restore-{secrets.token_hex(4)}")
    if media_root.exists():
        media_root.rename(previous)
    staged.rename(media_root)
    shutil.rmtree(previous, ignore_errors=True)


def backup_restore(path: Path, *, media_root: Path, using: str = "default") -> BackupSummary:
    """Replace every table's rows and the uploaded files with the archive's; all or nothing."""
    connection = connections[using]
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"{path} cannot be read as a tandem backup: {exc}.") from None
    with archive:
        manifest = read_manifest(archive)
        mismatch = schema_mismatch(manifest["migrations"], applied_migrations(using))
        if mismatch:
            raise BackupError(mismatch)
        by_table = {model._meta.db_table: model for model in database_models()}
        _check_tables(manifest, by_table)
        _verify(archive, manifest)
        staged = media_root.with_name(f".{media_root.name}.restoring-{secrets.token_hex(4)}")
        staged.mkdir(parents=True)
        try:
            for name in manifest["files"]:
                target = (staged / name).resolve()
                if not target.is_relative_to(staged.resolve()):
                    raise BackupError(f"The backup names a file outside the media folder: {name}.")
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(f"media/{name}") as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out, CHUNK)
            rows = 0
            with transaction.atomic(using=using):
                with connection.cursor() as cursor:
                    if connection.vendor == "postgresql":
                        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                    for table in by_table:
                        cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608
                for table in manifest["tables"]:
                    model = by_table[table]
                    with archive.open(f"tables/{table}.jsonl") as handle:
                        rows += _insert(model, _decode_rows(model, handle, using), using)
                connection.check_constraints(table_names=list(by_table))
                sequences = connection.ops.sequence_reset_sql(no_style(), list(by_table.values()))
                with connection.cursor() as cursor:
                    for statement in sequences:
                        cursor.execute(statement)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        _swap_media(staged, media_root)
    ContentType.objects.clear_cache()
    caches["default"].clear()
    return BackupSummary(
        path=Path(path),
        tables=len(manifest["tables"]),
        rows=rows,
        files=len(manifest["files"]),
        migrations=len(manifest["migrations"]),
    )
