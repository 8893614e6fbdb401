"""Error pages in the site's layout and the reader's language, and the site's icon.

Django's handlers for 400, 403, 404 and 500 point here (``tandem.urls``), and
:class:`ErrorPageMiddleware` gives the empty 405 of ``require_POST`` the same page. The 400,
403, 404 and 405 pages extend the site layout (navigation built from the reader's
permissions). The 500 page renders on its own, without the database, the session or the
context processors, any of which may be what failed; so does any page whose layout fails.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import resources

from django.http import HttpRequest, HttpResponse
from django.template import Context, Engine
from django.template.loader import get_template, render_to_string
from django.utils.translation import gettext as _

from tandem.core.permissions import PUBLIC, permission_required

log = logging.getLogger("tandem.web")

ERROR_TEMPLATE = "web/errors/error.html"
STANDALONE_TEMPLATE = "500.html"


def _texts(status: int) -> tuple[str, str]:
    texts = {
        400: (_("Bad request"), _("The request could not be understood. Go back and try again.")),
        403: (
            _("Not allowed"),
            _("Your account may not open this page. Sign in with another account, or go back."),
        ),
        404: (_("Page not found"), _("There is no page at this address. It may have moved.")),
        405: (
            _("Not allowed this way"),
            _("This address does not answer this kind of request. Use the page's own form."),
        ),
        500: (
            _("Something went wrong"),
            _("The page could not be shown because of an error in tandem. It has been logged."),
        ),
    }
    return texts[status]


def standalone_error(status: int) -> HttpResponse:
    """The page with nothing but the active language: no database, session or request."""
    title, detail = _texts(status)
    try:
        template = get_template(STANDALONE_TEMPLATE)
        body = template.render({"status": status, "title": title, "detail": detail})
    except Exception:  # the last resort must answer whatever failed
        log.exception("the error page %s could not be rendered", status)
        body = (
            Engine()
            .from_string("<h1>{{ title }}</h1><p>{{ detail }}</p>")
            .render(Context({"title": title, "detail": detail}))
        )
    return HttpResponse(body, status=status)


def error_page(request: HttpRequest, status: int) -> HttpResponse:
    """The error page in the site layout; the standalone page when the layout fails."""
    title, detail = _texts(status)
    try:
        body = render_to_string(
            ERROR_TEMPLATE,
            {"status": status, "title": title, "detail": detail},
            request=request,
        )
    except Exception:
        log.exception("the layout of the error page %s failed; the standalone page answers", status)
        return standalone_error(status)
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return standalone_error(500)


class ErrorPageMiddleware:
    """An empty 405 (``require_POST``, ``require_GET``) becomes the 405 page, for pages only:
    the API answers for itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        bare = response.status_code == 405 and not response.content
        if bare and not request.path.startswith("/api/"):
            page = error_page(request, 405)
            if response.has_header("Allow"):
                page["Allow"] = response["Allow"]
            return page
        return response


@permission_required(PUBLIC)
def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers ask for whatever the page links: tandem's own icon."""
    icon = resources.files("tandem.web").joinpath("static/tandem/favicon.ico").read_bytes()
    response = HttpResponse(icon, content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
