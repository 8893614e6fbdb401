"""The API: /api/v1/… operations, the OpenAPI 3.1 document and its docs page at /api/docs."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from tandem.api.accounts import router as accounts_router
from tandem.api.alignment import router as alignment_router
from tandem.api.committee import router as committee_router
from tandem.api.exchange import router as exchange_router
from tandem.api.fairs import router as fairs_router
from tandem.api.matchmaking import router as matchmaking_router
from tandem.api.press import router as press_router
from tandem.api.programme import router as programme_router
from tandem.api.project_records import router as project_records_router
from tandem.api.projects import router as projects_router
from tandem.api.security import MACHINE_OR_SESSION
from tandem.api.trade import router as trade_router

api = NinjaAPI(
    title="tandem API",
    version="1",
    description=(
        "Read and write the programme's records. Machines authenticate with a bearer token "
        "(Authorization: Bearer tdm_…); pages use the signed-in session."
    ),
    auth=MACHINE_OR_SESSION,
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    """A service refused the caller: 403 with the service's sentence (nothing was written)."""
    return api.create_response(request, {"detail": str(error) or "Forbidden."}, status=403)


api.add_router("/v1/", programme_router)
api.add_router("/v1/", accounts_router)
api.add_router("/v1/", projects_router)
api.add_router("/v1/", project_records_router)
api.add_router("/v1/", committee_router)
api.add_router("/v1/", alignment_router)
api.add_router("/v1/", exchange_router)
api.add_router("/v1/", matchmaking_router)
api.add_router("/v1/", fairs_router)
api.add_router("/v1/", trade_router)
api.add_router("/v1/", press_router)
