"""Is this node ready to serve? The checks behind /readyz, `tandem doctor` and the admin's
low-space warning.

Only the database is essential: without it nothing can be read, so /readyz answers 503 and a
load balancer takes the node out. A cache that cannot store, a disk running out of room or a
task worker that is not taking jobs leave reads working: the node stays in (200) and the
answer says what is degraded, so that one full shared disk does not take every node out.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _


class Status(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    FAILED = "failed"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    advice: str = ""


@dataclass(frozen=True)
class Readiness:
    checks: tuple[Check, ...]
    milliseconds: float

    @property
    def status(self) -> Status:
        statuses = {check.status for check in self.checks}
        if Status.FAILED in statuses:
            return Status.FAILED
        return Status.DEGRADED if Status.DEGRADED in statuses else Status.OK

    def as_dict(self) -> dict[str, object]:
        return {
            "status": self.status.value,
            "milliseconds": round(self.milliseconds, 1),
            "checks": {
                check.name: {"status": check.status.value, "detail": check.detail}
                for check in self.checks
            },
        }


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        connection.close()
        return Check(
            "database",
            Status.FAILED,
            _("the database cannot be reached: %(error)s") % {"error": _first_line(exc)},
            _(
                "Check that the database server runs and that TANDEM_DATABASE_URL points at it; "
                "tandem reconnects by itself once it answers."
            ),
        )
    return Check("database", Status.OK, connection.vendor)


def check_cache() -> Check:
    key = f"tandem:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)  # the cache degrades instead of raising
    stored = cache.get(key) == "1"
    cache.delete(key)
    if stored:
        return Check("cache", Status.OK, _("stores and reads"))
    return Check(
        "cache",
        Status.DEGRADED,
        _("the cache cannot store: pages compute every figure and are slower"),
        _("Free space in the data directory (file cache) or restart the cache server."),
    )


def free_bytes(path: Path) -> int:
    return shutil.disk_usage(path).free


def check_storage() -> Check:
    minimum = settings.TANDEM_MIN_FREE_BYTES
    try:
        free = free_bytes(Path(settings.DATA_DIR))
    except OSError as exc:
        return Check(
            "storage", Status.FAILED, _("the data directory cannot be read: %(e)s") % {"e": exc}
        )
    detail = _("%(free)s MB free in the data directory (warning below %(minimum)s MB)") % {
        "free": free // 1_048_576,
        "minimum": minimum // 1_048_576,
    }
    if free < minimum:
        return Check(
            "storage",
            Status.DEGRADED,
            detail,
            _(
                "Free space (old backups, the press inbox's done folder) or enlarge the disk: "
                "writes fail with 507 once it is full, reads go on."
            ),
        )
    return Check("storage", Status.OK, detail)


def check_worker() -> Check:
    """The task worker takes jobs: none that could run has waited past the stall limit."""
    from django_tasks_db.models import DBTaskResult

    stalled_since = timezone.now() - timedelta(seconds=settings.TANDEM_WORKER_STALL_SECONDS)
    try:
        waiting = (
            DBTaskResult.objects.filter(status="READY", run_after__lte=stalled_since)
            .order_by("run_after")
            .values_list("run_after", flat=True)
            .first()
        )
    except DatabaseError:
        return Check("worker", Status.FAILED, _("the job table cannot be read"))
    if waiting is None:
        return Check("worker", Status.OK, _("no job waits past its time"))
    minutes = int((timezone.now() - waiting).total_seconds() // 60)
    return Check(
        "worker",
        Status.DEGRADED,
        _("a job has waited %(minutes)d minutes for the task worker") % {"minutes": minutes},
        _("Start the task worker: `tandem db_worker` (make demo restarts it when it stops)."),
    )


CHECKS: tuple[Callable[[], Check], ...] = (check_database, check_cache, check_storage)


def readiness(*, include_worker: bool = True) -> Readiness:
    started = time.perf_counter()
    checks = [run() for run in CHECKS]
    if include_worker and checks[0].status is Status.OK:
        checks.append(check_worker())
    return Readiness(tuple(checks), (time.perf_counter() - started) * 1000)


def storage_is_low() -> bool:
    try:
        return free_bytes(Path(settings.DATA_DIR)) < settings.TANDEM_MIN_FREE_BYTES
    except OSError:
        return True


def storage_warning(request: HttpRequest) -> dict[str, bool]:
    """Context processor: staff see a warning on every page, the admin's included, before
    writes start failing for lack of space."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return {}
    return {"storage_low": storage_is_low()}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
