"""Production settings: `tandem check --deploy` is clean, and real responses carry the
security headers and a Content-Security-Policy that allows no inline script."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User

TANDEM = str(Path(sys.executable).with_name("tandem"))


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "TANDEM_DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        and not key.startswith("TANDEM_")
    }
    return {
        **environment,
        "TANDEM_DATA_DIR": str(tmp_path),
        "TANDEM_HTTPS": "1",
        "TANDEM_SECRET_KEY": secrets.token_urlsafe(60),
        "TANDEM_DEBUG": "0",
        "TANDEM_ALLOWED_HOSTS": "tandem.example.org",
        **extra,
    }


def deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TANDEM, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.integration
def test_deploy_checks_are_clean_under_production_settings(tmp_path: Path) -> None:
    result = deploy_check(production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout + result.stderr


@pytest.mark.integration
def test_deploy_checks_warn_without_https(tmp_path: Path) -> None:
    result = deploy_check(production_env(tmp_path, TANDEM_HTTPS="0"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in output


HEADERS_SCRIPT = """
import json
import django
from django.core.management import call_command
django.setup()
call_command("migrate", verbosity=0)
from django.test import Client
from django.test.utils import override_settings
# Only the static files' storage differs: no collectstatic in a test (the manifest is its output).
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
response = Client().get("/accounts/login/", secure=True, HTTP_HOST="tandem.example.org")
plain = Client().get("/accounts/login/", HTTP_HOST="tandem.example.org")
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "cookies": {
        name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
        for name, morsel in response.cookies.items()
    },
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
}))
"""


@pytest.mark.integration
def test_production_response_carries_hsts_secure_cookies_and_the_headers(tmp_path: Path) -> None:
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="tandem.settings.base",
        TANDEM_DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", HEADERS_SCRIPT], env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    headers = seen["headers"]
    assert seen["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self';" in headers["Content-Security-Policy"]
    assert seen["cookies"]["csrftoken"]["secure"]
    # Plain HTTP is sent to HTTPS.
    assert seen["plain_status"] == 301
    assert seen["plain_location"].startswith("https://tandem.example.org/")


def script_sources(policy: str) -> str:
    directives = dict(
        [*part.strip().split(" ", 1), ""][:2] for part in policy.split(";") if part.strip()
    )
    return directives.get("script-src", directives.get("default-src", ""))


@pytest.mark.integration
def test_pages_carry_a_csp_without_inline_script_and_have_none(
    make_user: Callable[..., User],
) -> None:
    client = Client()
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    for path in ("/", "/projects/", "/programme/", "/accounts/2fa/"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in script_sources(policy)
        assert "'unsafe-eval'" not in script_sources(policy)
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        html = response.content.decode()
        inline = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag]
        assert inline == [], (path, inline)
        assert not re.search(r"\son[a-z]+=\"", html), path  # no inline event handlers
