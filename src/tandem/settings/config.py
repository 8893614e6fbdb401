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
    #: Several application nodes (docs/operations.md): a cache every node shares, a folder of
    #: uploads every node mounts (or an S3-compatible bucket), and the task worker's lease.
    cache_url: str = ""
    media_root: Path | None = None
    s3: S3Config | None = None
    job_lease_seconds: int = 90


@dataclass(frozen=True)
class S3Config:
    """An S3-compatible bucket for uploads (django-storages' S3 backend)."""

    bucket: str
    endpoint_url: str = ""
    region: str = ""
    access_key_id: str = ""
    secret_access_key: str = ""


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


CACHE_SCHEMES = ("redis", "rediss", "unix")


def _cache_url(environ: Mapping[str, str]) -> str:
    url = (environ.get("TANDEM_CACHE_URL") or "").strip()
    if url and urlsplit(url).scheme not in CACHE_SCHEMES:
        shown = url.split("@")[-1]
        raise ConfigError(
            f"TANDEM_CACHE_URL {shown!r} is not supported: use redis://HOST:PORT/DB "
            "(or leave it unset for the cache folder in the data dir)."
        )
    return url


def _media_root(environ: Mapping[str, str]) -> Path | None:
    raw = environ.get("TANDEM_MEDIA_ROOT")
    if not raw:
        return None
    path = Path(raw).expanduser().resolve()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"TANDEM_MEDIA_ROOT {path} cannot be created: {exc.strerror}.") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise ConfigError(f"TANDEM_MEDIA_ROOT {path} is not writable by this user.")
    return path


def _s3(environ: Mapping[str, str]) -> S3Config | None:
    bucket = (environ.get("TANDEM_S3_BUCKET") or "").strip()
    if not bucket:
        return None
    endpoint = (environ.get("TANDEM_S3_ENDPOINT_URL") or "").strip()
    if endpoint and urlsplit(endpoint).scheme not in {"http", "https"}:
        raise ConfigError(f"TANDEM_S3_ENDPOINT_URL {endpoint!r} must start with https://.")
    key_id = environ.get("TANDEM_S3_ACCESS_KEY_ID", "")
    secret = environ.get("TANDEM_S3_SECRET_ACCESS_KEY", "")
    if bool(key_id) != bool(secret):
        raise ConfigError(
            "Give both TANDEM_S3_ACCESS_KEY_ID and TANDEM_S3_SECRET_ACCESS_KEY, or neither "
            "(then the machine's own S3 credentials are used)."
        )
    return S3Config(
        bucket=bucket,
        endpoint_url=endpoint,
        region=(environ.get("TANDEM_S3_REGION") or "").strip(),
        access_key_id=key_id,
        secret_access_key=secret,
    )


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
        cache_url=_cache_url(env),
        media_root=_media_root(env),
        s3=_s3(env),
        job_lease_seconds=_positive_int(env, "TANDEM_JOB_LEASE_SECONDS", 90),
    )
