"""A cache that never takes a page down, and a figure computed once when many want it.

The cache only saves work: when it cannot store or read (a full disk, a Redis server gone, a
corrupt entry), tandem computes the value instead. The failure is logged once a minute per
cache, not once per request, and the operation answers as a miss.

:func:`cached_value` computes a missing figure in one process while the others that want it
wait for it (a lock in the cache itself, atomic on Redis, which every node shares): a popular
figure that expires, or whose generation a write moved on, is not computed by every request
at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import BaseCache, cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger("tandem.cache")

WARN_EVERY_SECONDS = 60.0


class DegradingCacheMixin:
    """Wraps every cache operation: a failure is a miss (reads) or a no-op (writes)."""

    _last_warning: float = float("-inf")
    _suppressed: int = 0

    def _failed(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        if now - self._last_warning < WARN_EVERY_SECONDS:
            self._suppressed += 1
            return
        suppressed, self._suppressed = self._suppressed, 0
        self._last_warning = now
        log.warning(
            "cache %s failed (%s: %s); computing values instead%s",
            operation,
            type(exc).__name__,
            exc,
            f" ({suppressed} more failures since the last warning)" if suppressed else "",
        )

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)  # type: ignore[misc]
        except Exception as exc:
            self._failed("read", exc)
            self._forget(key, version)
            return default

    def _forget(self, key: Any, version: int | None) -> None:
        """Drop an entry that could not be read (it may be corrupt), if the cache lets us."""
        try:
            super().delete(key, version)  # type: ignore[misc]
        except Exception as exc:  # the store may be gone entirely
            self._failed("delete", exc)

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        try:
            return dict(super().get_many(keys, version))  # type: ignore[misc]
        except Exception as exc:
            self._failed("read", exc)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return bool(super().has_key(key, version))  # type: ignore[misc]
        except Exception as exc:
            self._failed("read", exc)
            return False

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)  # type: ignore[misc]
        except Exception as exc:
            self._failed("write", exc)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        try:
            return bool(super().add(key, value, timeout, version))  # type: ignore[misc]
        except Exception as exc:
            self._failed("write", exc)
            return False

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        try:
            return list(super().set_many(data, timeout, version))  # type: ignore[misc]
        except Exception as exc:
            self._failed("write", exc)
            return list(data)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        try:
            return bool(super().touch(key, timeout, version))  # type: ignore[misc]
        except Exception as exc:
            self._failed("write", exc)
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return int(super().incr(key, delta, version))  # type: ignore[misc]
        except ValueError:
            raise  # the key is missing: the caller's ordinary case
        except Exception as exc:
            self._failed("write", exc)
            raise ValueError(f"cache could not increment {key!r}") from exc

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return bool(super().delete(key, version))  # type: ignore[misc]
        except Exception as exc:
            self._failed("delete", exc)
            return False

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)  # type: ignore[misc]
        except Exception as exc:
            self._failed("delete", exc)

    def clear(self) -> None:
        try:
            super().clear()  # type: ignore[misc]
        except Exception as exc:
            self._failed("clear", exc)


class ResilientFileBasedCache(DegradingCacheMixin, FileBasedCache):
    """The single-machine default: files in the data dir, degrading to a miss."""


class ResilientLocMemCache(DegradingCacheMixin, LocMemCache):
    """Per-process memory, for tests and one-process tools."""


class ResilientRedisCache(DegradingCacheMixin, RedisCache):
    """Django's Redis cache (TANDEM_CACHE_URL), shared by every node, degrading to a miss."""


T = TypeVar("T")
_MISSING = object()
#: The longest one computation may hold the lock (after that another process may start).
LOCK_SECONDS = 30
#: The longest a request waits for another's computation before computing it itself.
WAIT_SECONDS = 10.0
POLL_SECONDS = 0.02


def cached_value(
    key: str, compute: Callable[[], T], timeout: float, *, store: BaseCache | None = None
) -> T:
    """The value cached at ``key``, else ``compute()`` stored for ``timeout`` seconds; while
    one process computes it, the others wait for its value instead of computing it too.

    A cache that cannot take the lock (it is down) lets every caller compute at once."""
    store = cache if store is None else store
    value = store.get(key, _MISSING)
    if value is not _MISSING:
        return value
    lock = f"{key}:computing"
    deadline = time.monotonic() + WAIT_SECONDS
    for _attempt in range(3):  # a lock that goes without leaving a value: its holder failed
        if store.add(lock, 1, LOCK_SECONDS):
            try:
                value = compute()
                store.set(key, value, timeout)
            finally:
                store.delete(lock)
            return value
        waited = False
        while store.has_key(lock) and time.monotonic() < deadline:
            waited = True
            time.sleep(POLL_SECONDS)
        value = store.get(key, _MISSING)
        if value is not _MISSING:
            return value
        if not waited or time.monotonic() >= deadline:
            break  # the cache keeps no lock (it is down), or the wait is over
    return compute()
