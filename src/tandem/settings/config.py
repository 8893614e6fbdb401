"""The typed configuration of tandem, read once from the environment.

Every setting an operator may change is named here with its default; nothing else in the
code reads ``os.environ``. A bad value raises :class:`ConfigError` with one clear sentence,
which the ``tandem`` command prints instead of a traceback.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SUPPORTED_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


class ConfigError(Exception):
    """A setting in the environment is missing, malformed or unusable."""


@dataclass(frozen=True)
class Config:
    data_dir: Path
    database_url: str
    secret_key: str
    debug: bool
    allowed_hosts: tuple[str, ...]
    csrf_trusted_origins: tuple[str, ...]
    email_backend: str
    https: bool
    iati_reporting_org_ref: str
    require_mfa: bool = True
    idle_timeout_minutes: int = 30
    absolute_timeout_hours: int = 12
    min_free_mb: int = 500
    worker_stall_seconds: int = 300


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}.")


def _data_dir(environ: Mapping[str, str]) -> Path:
    path = Path(environ.get("TANDEM_DATA_DIR") or "var").expanduser().resolve()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"TANDEM_DATA_DIR {path} cannot be created: {exc.strerror}.") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise ConfigError(f"TANDEM_DATA_DIR {path} is not writable by this user.")
    return path


def _database_url(environ: Mapping[str, str], data_dir: Path) -> str:
    url = environ.get("TANDEM_DATABASE_URL") or f"sqlite:///{data_dir / 'tandem.sqlite3'}"
    scheme = urlsplit(url).scheme
    if scheme not in SUPPORTED_SCHEMES:
        shown = url.split("@")[-1] if "@" in url else url
        raise ConfigError(
            f"TANDEM_DATABASE_URL {shown!r} is not supported: use sqlite:///PATH "
            "or postgresql://USER@HOST:PORT/NAME."
        )
    if scheme != "sqlite" and not urlsplit(url).path.strip("/"):
        raise ConfigError("TANDEM_DATABASE_URL names no database: add /NAME after the host.")
    return url


def _secret_key(environ: Mapping[str, str], data_dir: Path) -> str:
    key = environ.get("TANDEM_SECRET_KEY")
    if key:
        return key
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="ascii").strip()
    # Written aside, then linked into place: when several processes start at once on a new
    # data folder (gunicorn's or the test suite's workers), one key wins and all read it.
    key = secrets.token_urlsafe(50)
    aside = data_dir / f".secret_key.{os.getpid()}"
    descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key)
    try:
        os.link(aside, key_file)
    except FileExistsError:
        key = key_file.read_text(encoding="ascii").strip()
    finally:
        aside.unlink()
    return key


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = 0
    if value <= 0:
        raise ConfigError(f"{name} must be a whole number above zero, not {raw!r}.")
    return value


def _list(environ: Mapping[str, str], name: str, default: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in environ.get(name, default).split(",") if item.strip())


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """Read the configuration from ``environ`` (the process environment by default)."""
    env = os.environ if environ is None else environ
    data_dir = _data_dir(env)
    return Config(
        data_dir=data_dir,
        database_url=_database_url(env, data_dir),
        secret_key=_secret_key(env, data_dir),
        debug=_flag(env, "TANDEM_DEBUG", default=False),
        allowed_hosts=_list(env, "TANDEM_ALLOWED_HOSTS", "127.0.0.1,localhost"),
        csrf_trusted_origins=_list(env, "TANDEM_CSRF_TRUSTED_ORIGINS", ""),
        email_backend=env.get(
            "TANDEM_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
        https=_flag(env, "TANDEM_HTTPS", default=False),
        iati_reporting_org_ref=env.get("TANDEM_IATI_REPORTING_ORG_REF", "XX-TANDEM-JR"),
        require_mfa=_flag(env, "TANDEM_REQUIRE_MFA", default=True),
        idle_timeout_minutes=_positive_int(env, "TANDEM_IDLE_TIMEOUT_MINUTES", 30),
        absolute_timeout_hours=_positive_int(env, "TANDEM_ABSOLUTE_TIMEOUT_HOURS", 12),
        min_free_mb=_positive_int(env, "TANDEM_MIN_FREE_MB", 500),
        worker_stall_seconds=_positive_int(env, "TANDEM_WORKER_STALL_SECONDS", 300),
    )
