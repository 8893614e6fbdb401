"""Work the task worker does for interop: the open-data portal's daily dump."""

from __future__ import annotations

from django_tasks import task

from tandem.core.actors import worker_actor
from tandem.interop.open_dumps import open_dump_create


@task()
def build_open_dump() -> str:
    """Today's full dump of the public registry (run daily by ``tandem open_dump``)."""
    dump = open_dump_create(actor=worker_actor("open data dump"))
    return dump.day
