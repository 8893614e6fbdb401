"""The real Redis at 127.0.0.1:6379 (TANDEM_TEST_REDIS_URL names another) as the default
cache, under a key prefix of the test's own: tests of what every node shares skip, saying
why, where no Redis answers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.cache import caches
from django.test import override_settings

REDIS_URL = os.environ.get("TANDEM_TEST_REDIS_URL", "redis://127.0.0.1:6379/11")


def redis_client() -> Any:
    """A plain client of the test Redis, or the test skipped with the reason."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis answers at {REDIS_URL} ({error}): the shared cache is untested")
    return client


def redis_cache_settings(prefix: str) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "tandem.core.caching.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }


@contextmanager
def redis_default_cache() -> Iterator[str]:
    """The default cache is the test Redis under a new prefix (yielded); its keys are
    removed afterwards."""
    client = redis_client()
    prefix = f"tandem-test-{uuid.uuid4().hex[:12]}"
    try:
        with override_settings(CACHES=redis_cache_settings(prefix)):
            yield prefix
            caches["default"].close()
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        client.close()
