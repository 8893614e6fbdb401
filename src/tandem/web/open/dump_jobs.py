"""/open-data/dumps/: the secretariat asks the worker for a dump of the open-data portal now,
and follows it (an internal page, not part of the public portal)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tandem.core.actors import signed_in
from tandem.core.permissions import permission_required
from tandem.interop.open_dump_jobs import MAKE_DUMP, open_dump_jobs, open_dump_request, tracked
from tandem.interop.open_dumps import open_dumps


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(MAKE_DUMP)
def dump_jobs(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        job = open_dump_request(actor=signed_in(request.user))
        if job.day:
            messages.success(request, _("The dump of %(day)s is written.") % {"day": job.day})
        elif job.waiting:
            messages.success(request, _("The dump is queued for the task worker."))
        else:
            messages.error(request, _("The dump could not be made; see the list below."))
        return HttpResponseRedirect(reverse("web:open_dump_jobs"))
    jobs = open_dump_jobs()
    return render(
        request,
        "web/open/dump_jobs.html",
        {
            "jobs": jobs,
            "tracked": tracked(),
            "waiting": any(job.waiting for job in jobs),
            "dumps": open_dumps()[:5],
        },
    )
