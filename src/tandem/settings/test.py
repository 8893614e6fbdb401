"""Settings for the test suite: the same as production but fast hashing and local e-mail."""

import os
import sys
from pathlib import Path

# Each pytest-xdist worker keeps its files (media, caches, the press inbox) in its own folder.
# Only in the test process itself: a `tandem` command that a test starts inherits the worker's
# environment, and uses the data folder the test gives it.
if (_worker := os.environ.get("PYTEST_XDIST_WORKER")) and "pytest" in sys.modules:
    _shared = Path(os.environ.get("TANDEM_DATA_DIR") or "var")
    os.environ["TANDEM_DATA_DIR"] = str(_shared / f"worker-{_worker}")

from tandem.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Two-factor authentication is tested where it is meant (tests/core/test_auth_mfa.py); the rest
# of the suite signs secretariat and official users in without it.
TANDEM_REQUIRE_MFA = False
