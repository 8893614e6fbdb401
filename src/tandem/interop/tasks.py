"""Work the task worker does for interop: the open-data portal's dump, daily and on demand."""

from __future__ import annotations

from django_tasks import task

from tandem.core.actors import worker_actor
from tandem.core.models import User
from tandem.interop.open_dumps import open_dump_create


@task()
def build_open_dump(requested_by: int | None = None) -> str:
    """Today's full dump of the public registry (run daily by ``tandem open_dump``, or asked
    for by the secretariat: ``requested_by`` is that person)."""
    user = User.objects.filter(pk=requested_by).first() if requested_by else None
    dump = open_dump_create(actor=worker_actor("open data dump", user))
    return dump.day
