"""Warm a server process before it answers: what the first request would otherwise pay.

Under gunicorn (``tandem.gunicorn_conf``) the master process loads the application and runs
``warm_up`` before it announces itself, so that every worker it forks starts warm: the first
request to a cold worker took 8 s on the walk-through's 2-core machine (every view module,
the API's schema classes and the templates were imported and compiled at that request).
Nothing here opens the database: a connection made before the fork would be shared.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

TEMPLATES = Path(__file__).resolve().parent / "templates"


def warm_up() -> dict[str, float]:
    """Import every page's code, read the catalogues, compile the templates; the seconds
    each part took."""
    took: dict[str, float] = {}
    start = time.perf_counter()
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - importing the URLconf imports every view and the API
    resolver.reverse_dict  # noqa: B018 - and builds the reverse lookup
    took["urls"] = time.perf_counter() - start
    start = time.perf_counter()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Joint projects")
    took["catalogues"] = time.perf_counter() - start
    start = time.perf_counter()
    for path in sorted(TEMPLATES.rglob("*.html")):
        try:
            get_template(path.relative_to(TEMPLATES).as_posix())
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # a template another loader serves; its page reports the problem itself
    took["templates"] = time.perf_counter() - start
    connections.close_all()
    return took
