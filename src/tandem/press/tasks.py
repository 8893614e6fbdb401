"""Work the task worker does (``tandem db_worker``): read the press inbox."""

from __future__ import annotations

from django_tasks import task

from tandem.core.actors import worker_actor
from tandem.press.services.inbox import inbox_scan


@task()
def scan_press_inbox() -> str:
    """Ingest every article dropped in TANDEM_DATA_DIR/press-inbox since the last scan."""
    return str(inbox_scan(actor=worker_actor("press inbox scan")))
