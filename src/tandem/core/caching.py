"""A cache that never takes a page down.

The cache only saves work: when it cannot store or read (a full disk, a Redis server gone, a
corrupt entry), tandem computes the value instead. The failure is logged once a minute per
cache, not once per request, and the operation answers as a miss.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

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
