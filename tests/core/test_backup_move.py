"""Moving a database from SQLite to PostgreSQL with `tandem backup` and `tandem restore`, through
the real command, in the PostgreSQL run of the suite (the server of TANDEM_DATABASE_URL); the
move uses its own database, tandem_auth_move."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.integration

TANDEM = str(Path(sys.executable).with_name("tandem"))
MOVE_DATABASE = "tandem_auth_move"

DIGEST_SCRIPT = """
import hashlib, json
import django
django.setup()
from tandem.core.backup import EXCLUDED_TABLES, database_models, table_rows
digest = {}
for model in database_models():
    table = model._meta.db_table
    if table in EXCLUDED_TABLES:
        continue
    rows = list(table_rows(model))
    digest[table] = [len(rows), hashlib.sha256(json.dumps(rows).encode()).hexdigest()]
print(json.dumps(digest))
"""


def postgres_server() -> str | None:
    """``postgresql://user@host:port`` of a reachable server, or None."""
    url = os.environ.get("TANDEM_DATABASE_URL", "")
    parts = urlsplit(url) if url.startswith("postgres") else None
    server = f"{parts.scheme}://{parts.netloc}" if parts else "postgresql://postgres@127.0.0.1:5432"
    try:
        import psycopg

        with psycopg.connect(f"{server}/postgres", connect_timeout=3):
            return server
    except Exception:
        return None


def recreate(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*args], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]} {result.stderr[-3000:]}"
    return result


def base_env(data_dir: Path, database_url: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
        and not key.startswith("TANDEM_")
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    return {
        **environment,
        "TANDEM_DATA_DIR": str(data_dir),
        "TANDEM_DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "tandem.settings.base",
        "OPENBLAS_NUM_THREADS": "1",
    }


def test_backup_moves_an_sqlite_demo_database_to_postgresql(tmp_path: Path) -> None:
    if not os.environ.get("TANDEM_DATABASE_URL", "").startswith("postgres"):
        pytest.skip("runs in the PostgreSQL run of the suite (TANDEM_DATABASE_URL=postgresql://…)")
    server = postgres_server()
    if server is None:
        pytest.skip("no PostgreSQL server reachable")
    source = base_env(tmp_path / "sqlite", f"sqlite:///{tmp_path / 'sqlite' / 'tandem.sqlite3'}")
    run(TANDEM, "migrate", env=source)
    run(TANDEM, "load-default", env=source)
    run(TANDEM, "demo-data", "--organisations", "100", "--people", "100", env=source)
    run(TANDEM, "demo-accounts", env=source)
    (tmp_path / "sqlite" / "media" / "briefings").mkdir(parents=True)
    (tmp_path / "sqlite" / "media" / "briefings" / "pack.pdf").write_bytes(b"%PDF-1.7 test")
    archive = tmp_path / "move.zip"
    printed = run(TANDEM, "backup", "-o", str(archive), env=source).stdout
    assert "wrote" in printed

    recreate(server, MOVE_DATABASE)
    target = base_env(tmp_path / "pg", f"{server}/{MOVE_DATABASE}")
    restored = run(TANDEM, "restore", str(archive), "--no-input", env=target).stdout
    assert "migrating it first" in restored and "restored" in restored

    before = json.loads(
        run(sys.executable, "-c", DIGEST_SCRIPT, env=source).stdout.splitlines()[-1]
    )
    after = json.loads(run(sys.executable, "-c", DIGEST_SCRIPT, env=target).stdout.splitlines()[-1])
    assert after == before
    rows = sum(count for count, _digest in before.values())
    assert before["core_organisation"][0] > 0 and before["core_user"][0] >= 9
    assert (tmp_path / "pg" / "media" / "briefings" / "pack.pdf").read_bytes() == b"%PDF-1.7 test"
    print(f"\nSQLite -> PostgreSQL: {len(before)} tables, {rows} rows, every table equal")
    # PostgreSQL's sequences continue after the restored keys: a new row can be written.
    run(TANDEM, "demo-accounts", env=target)
