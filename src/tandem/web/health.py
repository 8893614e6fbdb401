"""Probes for operators and load balancers: /healthz (the process answers) and /readyz."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from tandem.core.health import Status, readiness
from tandem.core.permissions import PUBLIC, permission_required


@never_cache
@permission_required(PUBLIC)
def readyz(request: HttpRequest) -> JsonResponse:
    """200 while the node can serve (``ok`` or ``degraded``), 503 when the database is gone.

    Anonymous probes get the status of each check, not the details (free space, vendor)."""
    result = readiness()
    body = result.as_dict()
    if not (request.user.is_authenticated and request.user.is_staff):
        checks = body["checks"]
        assert isinstance(checks, dict)
        body["checks"] = {name: {"status": check["status"]} for name, check in checks.items()}
    status = 503 if result.status is Status.FAILED else 200
    return JsonResponse(body, status=status)
