import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

TANDEM = shutil.which("tandem") or str(Path(sys.executable).with_name("tandem"))


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [TANDEM, *args], env={**environment, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TANDEM_DATABASE_URL": "oracle://x/y"}, "is not supported"),
        ({"TANDEM_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}, "cannot be reached"),
    ],
)
def test_bad_configuration_gives_one_clear_line_and_no_traceback(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    result = run("migrate", env={"TANDEM_DATA_DIR": str(tmp_path), **env})
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unusable_data_dir_gives_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("check", env={"TANDEM_DATA_DIR": str(blocker / "data")})
    assert result.returncode == 2
    assert "TANDEM_DATA_DIR" in result.stderr
    assert "Traceback" not in result.stderr


def test_manage_commands_run_through_tandem_on_a_wal_sqlite_database(tmp_path: Path) -> None:
    env = {"TANDEM_DATA_DIR": str(tmp_path)}
    env.pop("TANDEM_DATABASE_URL", None)
    environment = {k: v for k, v in os.environ.items() if k != "TANDEM_DATABASE_URL"}
    result = subprocess.run(
        [TANDEM, "migrate", "-v0"],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    loaded = subprocess.run(
        [TANDEM, "load-default"], env={**environment, **env}, capture_output=True, text=True
    )
    assert "plan areas: 8" in loaded.stdout
    with sqlite3.connect(tmp_path / "tandem.sqlite3") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_deployment_checks_are_clean_over_https(tmp_path: Path) -> None:
    result = run(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"TANDEM_DATA_DIR": str(tmp_path), "TANDEM_HTTPS": "true"},
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_schedule_runs_without_a_database_through_the_tandem_command(tmp_path: Path) -> None:
    event = Path(__file__).resolve().parent / "data" / "fairs" / "innoprom_small.json"
    target = tmp_path / "schedule.json"
    env = {"TANDEM_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run("schedule", str(event), "-o", str(target), "--time-limit", "20", env=env)
    assert result.returncode == 0, result.stderr
    assert "objective 21, bound 21" in result.stderr
    assert '"meetings"' in target.read_text()


def test_match_ranks_partners_of_the_other_country_through_the_tandem_command(
    tmp_path: Path,
) -> None:
    profiles = Path(__file__).resolve().parent / "data" / "matchmaking" / "three-companies.jsonl"
    target = tmp_path / "ranks.jsonl"
    env = {"TANDEM_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run("match", str(profiles), "--top", "5", "-o", str(target), env=env)
    assert result.returncode == 0, result.stderr
    ranks = {row["id"]: row for row in map(json.loads, target.read_text().splitlines())}
    assert ranks["a1"]["candidates"][0]["id"] == "b1"
    assert {c["id"] for c in ranks["b2"]["candidates"]} == {"a1"}


def test_classify_labels_projects_through_the_tandem_command(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent / "data" / "labelling" / "devset.jsonl"
    projects = tmp_path / "projects.jsonl"
    projects.write_text("".join(source.read_text(encoding="utf-8").splitlines(True)[:2]))
    target = tmp_path / "labels.jsonl"
    env = {"TANDEM_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run("classify", str(projects), "-o", str(target), env=env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(rows) == 2
    assert {area["id"] for area in rows[0]["plan_areas"]} == {f"P{n}" for n in range(1, 9)}
    assert sum(area["chosen"] for area in rows[0]["plan_areas"]) >= 1
