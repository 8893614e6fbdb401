"""Backup and restore: a round trip reproduces every table row by row and every uploaded file;
a restore refuses another schema version, a damaged archive, and is all or nothing."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection
from django.test import override_settings

from tandem.core.actors import DEMO_ACTOR, command_actor
from tandem.core.backup import (
    EXCLUDED_TABLES,
    BackupError,
    backup_create,
    backup_restore,
    database_models,
    table_rows,
)
from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User
from tandem.core.services.demo import demo_data_create
from tandem.core.services.users import demo_accounts_create

pytestmark = pytest.mark.integration


def snapshot() -> dict[str, list[list[Any]]]:
    """Every row of every table in the backup, as the archive encodes it."""
    return {
        model._meta.db_table: list(table_rows(model))
        for model in database_models()
        if model._meta.db_table not in EXCLUDED_TABLES
    }


def media_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def populated(make_user: Callable[..., User], tmp_path: Path) -> Path:
    """The default programme, the demo accounts, a TOTP authenticator, history, and two files."""
    demo_data_create(seed=3, organisations=20, people=10, actor=DEMO_ACTOR)
    demo_accounts_create(actor=command_actor("demo-accounts"))
    user = make_user(Role.SECRETARIAT, "RU", username="with-totp")
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    media = tmp_path / "media"
    (media / "exchange" / "2019" / "12").mkdir(parents=True)
    (media / "exchange" / "2019" / "12" / "kpi.xlsx").write_bytes(bytes(range(256)) * 10)
    (media / "briefings").mkdir()
    (media / "briefings" / "пакет.pdf").write_bytes("%PDF-1.7 брифинг".encode())
    # Larger than the 1 MB pieces files are copied in, both ways.
    (media / "briefings" / "large.bin").write_bytes(os.urandom(2_500_000))
    return media


def test_backup_round_trip_reproduces_every_table_and_file(populated: Path, tmp_path: Path) -> None:
    before = snapshot()
    files_before = media_files(populated)
    archive = tmp_path / "backup.zip"
    summary = backup_create(archive, media_root=populated)
    assert summary.rows == sum(len(rows) for rows in before.values())
    assert summary.files == 3
    non_empty = [table for table, rows in before.items() if rows]
    assert {"django_content_type", "auth_permission", "core_user", "core_historicaluser"} <= set(
        non_empty
    )
    assert "mfa_authenticator" in non_empty

    # Change the data: rename, delete, add; replace the files.
    Country.objects.filter(code="JP").update(name="Changed")
    User.objects.filter(username="auditor").delete()
    Organisation.objects.create(
        name="Added later", kind="company", side=Country.objects.get(code="RU")
    )
    (populated / "briefings" / "пакет.pdf").unlink()
    (populated / "stray.txt").write_text("added after the backup")

    restored = backup_restore(archive, media_root=populated)
    after = snapshot()
    assert restored.rows == summary.rows
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table
    assert media_files(populated) == files_before
    print(
        f"\nround trip on {connection.vendor}: {len(before)} tables, {summary.rows} rows, "
        f"{len(non_empty)} non-empty tables, {summary.files} files, all equal"
    )
    # The restored database keeps working: new rows get fresh keys.
    Organisation.objects.create(
        name="After restore", kind="company", side=Country.objects.get(code="JP")
    )


def _rewrite(archive: Path, target: Path, change: Callable[[str, bytes], bytes]) -> None:
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            copy.writestr(item.filename, change(item.filename, source.read(item.filename)))


def test_restore_refuses_another_schema_version_and_changes_nothing(
    populated: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "backup.zip"
    backup_create(archive, media_root=populated)
    future = tmp_path / "future.zip"

    def newer_schema(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"].append("core.9999_from_the_future")
        return json.dumps(manifest).encode()

    _rewrite(archive, future, newer_schema)
    Country.objects.filter(code="JP").update(name="Changed")
    before = snapshot()
    with pytest.raises(BackupError, match=r"schema version differs.*core\.9999_from_the_future"):
        backup_restore(future, media_root=populated)
    assert snapshot() == before


def test_restore_is_all_or_nothing_when_a_row_breaks_a_reference(
    populated: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "backup.zip"
    backup_create(archive, media_root=populated)
    broken = tmp_path / "broken.zip"
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    columns = manifest["tables"]["core_user"]["columns"]
    side = columns.index("side_id")

    def dangling_side(name: str, data: bytes) -> bytes:
        if name == "tables/core_user.jsonl":
            lines = data.decode().splitlines()
            row = json.loads(lines[-1])
            row[side] = 987654
            lines[-1] = json.dumps(row)
            return ("\n".join(lines) + "\n").encode()
        if name == "manifest.json":
            body = dangling_side(
                "tables/core_user.jsonl", zipfile.ZipFile(archive).read("tables/core_user.jsonl")
            )
            manifest["tables"]["core_user"]["sha256"] = hashlib.sha256(body).hexdigest()
            return json.dumps(manifest).encode()
        return data

    _rewrite(archive, broken, dangling_side)
    Country.objects.filter(code="JP").update(name="Changed")
    (populated / "stray.txt").write_text("still here")
    before, files_before = snapshot(), media_files(populated)
    with pytest.raises(IntegrityError):
        backup_restore(broken, media_root=populated)
    assert snapshot() == before
    assert media_files(populated) == files_before
    assert not any(path.name.startswith(".media.restoring") for path in populated.parent.iterdir())


def test_restore_refuses_a_damaged_archive(populated: Path, tmp_path: Path) -> None:
    archive = tmp_path / "backup.zip"
    backup_create(archive, media_root=populated)
    damaged = tmp_path / "damaged.zip"
    _rewrite(
        archive,
        damaged,
        lambda name, data: data.replace(b"Japan", b"Japon") if name.startswith("tables/") else data,
    )
    with pytest.raises(BackupError, match=r"damaged: table .* fails its checksum"):
        backup_restore(damaged, media_root=populated)
    not_a_backup = tmp_path / "notes.zip"
    with zipfile.ZipFile(not_a_backup, "w") as handle:
        handle.writestr("notes.txt", "hello")
    with pytest.raises(BackupError, match="not a tandem backup"):
        backup_restore(not_a_backup, media_root=populated)


def test_backup_and_restore_commands_print_what_they_did(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "out.zip"
    with override_settings(MEDIA_ROOT=populated):
        call_command("backup", "-o", str(archive))
        assert "tables" in capsys.readouterr().out
        call_command("restore", str(archive), "--no-input")
        assert "every session ended" in capsys.readouterr().out
        with pytest.raises(CommandError, match="is not a file"):
            call_command("restore", str(tmp_path / "missing.zip"), "--no-input")
