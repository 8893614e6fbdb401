"""Faults of the machine: a full disk, a database that is gone or locked, a cache that cannot
store. Each is produced for real (a tiny tmpfs, SQLite's page limit, /dev/full, two SQLite
connections, pg_terminate_backend) and each test proves the answer and that nothing
half-written remains."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.test import Client, override_settings

from tandem.core.caching import ResilientFileBasedCache
from tandem.core.enums import Role
from tandem.core.faults import Fault, classify
from tandem.core.files.atomic import atomic_output, write_atomically
from tandem.core.models import User
from tandem.core.storage import WholeFileSystemStorage

pytestmark = pytest.mark.integration

NEW_PROJECT = {"code": "JR-2026-0901", "title_en": "Port cranes", "plan_areas": ["P6"]}


@pytest.fixture
def full_directory(tmp_path: Path) -> Iterator[Path]:
    """A file system with no free space left: a 256 KiB tmpfs filled to the last byte."""
    mount_point = tmp_path / "full"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine lets no test mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        _fill(mount_point / "filler")
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(path: Path) -> None:
    """Write zeros to ``path`` until the file system has no block left."""
    with path.open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 4096)


def _contents(directory: Path) -> set[str]:
    return {path.name for path in directory.iterdir()}


# -- telling machine faults from errors of the code ------------------------------------------


@pytest.mark.unit
def test_a_full_device_is_a_storage_fault() -> None:
    with pytest.raises(OSError) as raised, open("/dev/full", "wb") as device:
        device.write(b"x")
        device.flush()
    assert raised.value.errno == errno.ENOSPC
    assert classify(raised.value) is Fault.STORAGE_FULL


@pytest.mark.unit
def test_a_full_sqlite_database_is_a_storage_fault(tmp_path: Path) -> None:
    database = sqlite3.connect(tmp_path / "small.sqlite3")
    database.execute("CREATE TABLE t (x TEXT)")
    database.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as raised:
        database.execute("INSERT INTO t VALUES (?)", ("x" * 20_000,))
    assert classify(raised.value) is Fault.STORAGE_FULL


@pytest.mark.unit
def test_a_sqlite_database_locked_past_its_timeout_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0.05)
    with pytest.raises(sqlite3.OperationalError) as raised:
        waiter.execute("INSERT INTO t VALUES (1)")
    try:
        raise OperationalError(str(raised.value)) from raised.value  # as Django wraps it
    except OperationalError as wrapped:
        assert classify(wrapped) is Fault.DATABASE_UNAVAILABLE


@pytest.mark.unit
def test_errors_of_the_code_are_not_machine_faults(tmp_path: Path) -> None:
    database = sqlite3.connect(tmp_path / "plain.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as raised:
        database.execute("SELECT * FROM no_such_table")
    assert classify(raised.value) is None
    assert classify(ValueError("bad")) is None
    assert classify(FileNotFoundError(errno.ENOENT, "gone")) is None


@pytest.mark.unit
def test_postgresql_disk_full_and_shutdown_are_told_apart() -> None:
    from psycopg import errors

    assert classify(errors.DiskFull("could not extend file")) is Fault.STORAGE_FULL
    assert classify(errors.AdminShutdown("terminating connection")) is (Fault.DATABASE_UNAVAILABLE)
    assert classify(errors.UniqueViolation("duplicate key")) is None


# -- a write that cannot be stored answers 507, reads go on -----------------------------------


@pytest.fixture
def sqlite_at_its_page_limit(db: None) -> Iterator[None]:
    """The test database may not grow by a single page: every new row is refused as SQLite
    refuses it on a full disk ("database or disk is full")."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's page limit is how this test fills the database")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA max_page_count = 1073741823")


def _filled_summary() -> dict[str, object]:
    return {**NEW_PROJECT, "summary_en": "A long summary. " * 20_000}


def test_a_full_database_answers_507_with_a_problem_body_and_reads_go_on(
    client: Client, secretariat_jp: User, sqlite_at_its_page_limit: None
) -> None:
    client.force_login(secretariat_jp)
    from tandem.projects.models import JointProject

    before = JointProject.objects.count()
    response = client.post("/api/v1/projects", _filled_summary(), content_type="application/json")
    assert response.status_code == 507
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 507
    assert "nothing was changed" in response.json()["detail"]
    assert JointProject.objects.count() == before
    assert client.get("/projects/").status_code == 200
    assert client.get("/api/v1/projects").status_code == 200


def _limit_pages_to_current() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        cursor.execute(f"PRAGMA max_page_count = {cursor.fetchone()[0]}")


def test_a_full_database_answers_a_page_in_the_readers_language(
    client: Client, make_user: Callable[..., User], db: None
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's page limit is how this test fills the database")
    user = make_user(Role.SECRETARIAT, "RU")
    user.language = "ru"
    user.save(update_fields=["language"])
    client.force_login(user)
    created = client.post("/api/v1/projects", NEW_PROJECT, content_type="application/json")
    assert created.status_code == 201, created.content
    _limit_pages_to_current()
    try:
        response = client.post(
            f"/projects/{NEW_PROJECT['code']}/notes/", {"text": "Заметка. " * 400}
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 1073741823")
    assert response.status_code == 507
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Хранилище заполнено" in html  # "Storage is full", in the reader's language
    assert "Traceback" not in html
    assert 'data-status="507"' in html


# -- files: whole or none ---------------------------------------------------------------------


def test_an_upload_to_a_full_disk_leaves_no_part_file(full_directory: Path) -> None:
    storage = WholeFileSystemStorage(location=full_directory)
    with pytest.raises(OSError) as raised:
        storage.save("article.docx", ContentFile(b"x" * 1_048_576))
    assert classify(raised.value) is Fault.STORAGE_FULL
    assert _contents(full_directory) == {"filler"}


def test_an_atomic_output_on_a_full_disk_leaves_the_old_file_and_no_part(
    full_directory: Path,
) -> None:
    (full_directory / "filler").unlink()
    target = full_directory / "report.json"
    write_atomically(target, b"the old report")
    _fill(full_directory / "filler")
    with pytest.raises(OSError), atomic_output(target) as handle:
        handle.write(b"x" * 1_048_576)
    assert target.read_bytes() == b"the old report"
    assert _contents(full_directory) == {"filler", "report.json"}


def test_a_command_writing_to_a_full_disk_says_so_and_leaves_nothing(
    full_directory: Path, default_programme: None
) -> None:
    with pytest.raises(CommandError, match="nothing written"):
        call_command("effect_report", "--format", "json", "-o", str(full_directory / "e.json"))
    assert _contents(full_directory) == {"filler"}


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing(
    full_directory: Path, default_programme: None
) -> None:
    with pytest.raises(CommandError, match="No space left on device; nothing written"):
        call_command("backup", "-o", str(full_directory / "backup.zip"))
    assert _contents(full_directory) == {"filler"}


def test_sqlite_reads_go_on_while_a_connection_keeps_the_wal_open(full_directory: Path) -> None:
    """Why each server process keeps its SQLite connection: on a full disk a new connection
    cannot create the WAL's shared-memory index when no other connection holds it open."""
    from tandem.settings.base import database_settings

    settings = database_settings(f"sqlite:///{full_directory}/x.sqlite3", full_directory)
    assert settings["CONN_MAX_AGE"] is None
    assert settings["CONN_HEALTH_CHECKS"] is True

    (full_directory / "filler").unlink()
    path = full_directory / "registry.sqlite3"
    kept = sqlite3.connect(path)
    kept.execute("PRAGMA journal_mode=WAL")
    kept.execute("CREATE TABLE project (code TEXT)")
    kept.execute("INSERT INTO project VALUES ('JR-2026-0001')")
    kept.commit()
    _fill(full_directory / "filler")
    late = sqlite3.connect(path)
    assert late.execute("SELECT count(*) FROM project").fetchone() == (1,)
    late.close()
    (full_directory / "filler").unlink()
    kept.close()  # the last connection, with room to checkpoint: the WAL and index go
    assert not (full_directory / "registry.sqlite3-shm").exists()
    _fill(full_directory / "filler")
    with pytest.raises(sqlite3.OperationalError) as raised:
        sqlite3.connect(path).execute("SELECT count(*) FROM project").fetchone()
    assert classify(raised.value) is Fault.DATABASE_UNAVAILABLE


# -- a cache that cannot store ----------------------------------------------------------------


def test_pages_are_served_when_the_cache_cannot_store(
    client: Client, secretariat_jp: User, full_directory: Path
) -> None:
    backend = {"BACKEND": "tandem.core.caching.ResilientFileBasedCache"}
    with override_settings(CACHES={"default": {**backend, "LOCATION": str(full_directory)}}):
        client.force_login(secretariat_jp)
        assert client.get("/projects/").status_code == 200
        assert client.get("/").status_code == 200
        assert client.get("/api/v1/projects").status_code == 200
    assert _contents(full_directory) == {"filler"}


def test_a_corrupt_cache_entry_is_a_miss_and_is_dropped(tmp_path: Path) -> None:
    cache = ResilientFileBasedCache(str(tmp_path), {})
    cache.set("figure", 42)
    (entry,) = tmp_path.glob("*.djcache")
    entry.write_bytes(entry.read_bytes()[:12] + b"garbage")
    assert cache.get("figure", "computed") == "computed"
    assert not list(tmp_path.glob("*.djcache"))
    cache.set("figure", 43)
    assert cache.get("figure") == 43


def test_cache_failures_are_logged_once_a_minute(
    full_directory: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = ResilientFileBasedCache(str(full_directory), {})
    for number in range(50):
        cache.set(f"key-{number}", "x" * 10_000)
    warnings = [record for record in caplog.records if record.name == "tandem.cache"]
    assert len(warnings) == 1
    assert "computing values instead" in warnings[0].getMessage()
    assert caches["default"].get("nothing") is None


# -- the database going away ------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_terminated_postgresql_connection_answers_503_and_the_next_request_works(
    default_rows: object,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend needs PostgreSQL")
    import psycopg
    from django.core.signals import request_started

    client = Client(raise_request_exception=False)
    settings_dict = connection.settings_dict

    def terminate_this_connection(**_kwargs: object) -> None:
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid  # type: ignore[union-attr]
        dsn = f"host={settings_dict['HOST']} port={settings_dict['PORT'] or 5432} "
        dsn += f"user={settings_dict['USER']} dbname={settings_dict['NAME']}"
        with psycopg.connect(dsn, autocommit=True) as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", [pid])

    request_started.connect(terminate_this_connection)
    try:
        in_flight = client.get("/api/v1/projects")
    finally:
        request_started.disconnect(terminate_this_connection)
    assert in_flight.status_code == 503
    assert in_flight["Retry-After"] == "30"
    assert client.get("/api/v1/projects").status_code == 200
    assert client.get("/programme/").status_code == 200
