"""The cache every node shares (TANDEM_CACHE_URL=redis://…): counts that processes add to
together come out exact, and a figure that many processes want at once is computed once.

Against the real Redis at 127.0.0.1:6379 (db 11, a key prefix of each test's own); skipped,
saying why, where no Redis answers."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor

import pytest
from django.core.cache import cache
from shared_cache import REDIS_URL, redis_client, redis_default_cache

from tandem.core.caching import ResilientRedisCache, cached_value

pytestmark = pytest.mark.integration

PROCESSES = 4
INCREMENTS = 250


def _node_cache(prefix: str) -> ResilientRedisCache:
    """The cache as another node's process builds it from TANDEM_CACHE_URL."""
    return ResilientRedisCache(REDIS_URL, {"KEY_PREFIX": prefix})


def _add_up(prefix: str) -> None:
    node = _node_cache(prefix)
    for _ in range(INCREMENTS):
        node.incr("counter")
    node.close()


def _figure_wanted(prefix: str, start_at: float) -> int:
    """One node's request for a popular figure that is not cached (a write moved its
    generation on): the computation counts itself in Redis and takes half a second."""
    node = _node_cache(prefix)

    def compute() -> int:
        node.incr("computations")
        time.sleep(0.5)
        return 42

    time.sleep(max(0.0, start_at - time.time()))
    value = cached_value("popular-figure", compute, 60, store=node)
    node.close()
    return value


def test_increments_from_several_processes_are_all_counted() -> None:
    redis_client()
    with redis_default_cache() as prefix:
        cache.set("counter", 0, None)
        with ProcessPoolExecutor(max_workers=PROCESSES) as pool:
            list(pool.map(_add_up, [prefix] * PROCESSES))
        assert cache.get("counter") == PROCESSES * INCREMENTS


def test_a_missing_figure_wanted_by_every_node_at_once_is_computed_once() -> None:
    redis_client()
    with redis_default_cache() as prefix:
        cache.set("computations", 0, None)
        start_at = time.time() + 1.0  # every process asks at the same moment
        with ProcessPoolExecutor(max_workers=PROCESSES) as pool:
            values = list(pool.map(_figure_wanted, [prefix] * 8, [start_at] * 8))
        assert values == [42] * 8
        assert cache.get("computations") == 1


def test_threads_wait_for_the_figure_one_of_them_computes() -> None:
    redis_client()
    computed: list[int] = []
    values: list[int] = []

    def compute() -> int:
        computed.append(1)
        time.sleep(0.3)
        return len(computed)

    with redis_default_cache():
        barrier = threading.Barrier(6)

        def want() -> None:
            barrier.wait()
            values.append(cached_value("figure", compute, 60))

        threads = [threading.Thread(target=want) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert computed == [1]
    assert values == [1] * 6


def test_a_computation_that_fails_lets_the_next_request_compute() -> None:
    redis_client()
    with redis_default_cache():

        def broken() -> int:
            raise RuntimeError("the database went away")

        with pytest.raises(RuntimeError):
            cached_value("figure", broken, 60)
        started = time.monotonic()
        assert cached_value("figure", lambda: 7, 60) == 7
        assert time.monotonic() - started < 1, "the lock of the failed computation was left"


def test_a_cache_that_is_down_computes_at_once() -> None:
    """No Redis listens here: every request computes, none waits for a lock."""
    unreachable = ResilientRedisCache(
        "redis://127.0.0.1:9/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )
    started = time.monotonic()
    assert cached_value("figure", lambda: 5, 60, store=unreachable) == 5
    assert time.monotonic() - started < 3
