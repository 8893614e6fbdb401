import stat
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tandem.settings.base import database_settings
from tandem.settings.config import ConfigError, load_config

pytestmark = pytest.mark.unit


def test_config_defaults_to_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    config = load_config({"TANDEM_DATA_DIR": str(tmp_path)})
    assert config.database_url == f"sqlite:///{tmp_path / 'tandem.sqlite3'}"
    assert config.debug is False


def test_config_generates_the_secret_key_once_and_keeps_it_private(tmp_path: Path) -> None:
    first = load_config({"TANDEM_DATA_DIR": str(tmp_path)}).secret_key
    second = load_config({"TANDEM_DATA_DIR": str(tmp_path)}).secret_key
    assert first == second
    assert len(first) >= 50
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600


def _secret_key_of(data_dir: str) -> str:
    return load_config({"TANDEM_DATA_DIR": data_dir}).secret_key


def test_processes_starting_together_on_a_new_data_dir_agree_on_one_secret_key(
    tmp_path: Path,
) -> None:
    """Gunicorn's workers, or the test suite's, may all be first to need the key."""
    with ProcessPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(_secret_key_of, [str(tmp_path)] * 32))
    assert keys == {(tmp_path / "secret_key").read_text(encoding="ascii")}
    assert [path.name for path in tmp_path.iterdir()] == ["secret_key"]  # no key left aside


def test_config_prefers_the_secret_key_from_the_environment(tmp_path: Path) -> None:
    config = load_config({"TANDEM_DATA_DIR": str(tmp_path), "TANDEM_SECRET_KEY": "k" * 60})
    assert config.secret_key == "k" * 60
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"TANDEM_DATABASE_URL": "mysql://db/x"}, "is not supported"),
        ({"TANDEM_DATABASE_URL": "postgresql://user@host:5432"}, "names no database"),
        ({"TANDEM_DEBUG": "maybe"}, "TANDEM_DEBUG must be true or false"),
    ],
)
def test_config_rejects_bad_values_with_one_clear_sentence(
    tmp_path: Path, environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config({"TANDEM_DATA_DIR": str(tmp_path), **environ})


def test_config_rejects_a_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="cannot be created"):
        load_config({"TANDEM_DATA_DIR": str(blocker / "data")})


def test_database_settings_put_sqlite_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    database = database_settings(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path)
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["timeout"] >= 5


def test_database_settings_use_psycopg_for_postgresql(tmp_path: Path) -> None:
    database = database_settings("postgresql://postgres@127.0.0.1:5432/tandem", tmp_path)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "tandem"
