"""The portal's own layout: pages rendered without the request, for every reader alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.translation import get_language_info

from tandem.web.open.labels import licence
from tandem.web.open.reader import (
    CACHE_SECONDS,
    LANGUAGE_PARAMETER,
    REGISTRY,
    cached_response,
    query_without_language,
    reader_language,
)

HTML = "text/html; charset=utf-8"


def language_links(request: HttpRequest) -> list[dict[str, Any]]:
    """The switcher: this page in each language (``?lang=``, kept in the language cookie)."""
    current = reader_language(request)
    query = query_without_language(request)
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": request.path + "?" + urlencode([*query, (LANGUAGE_PARAMETER, code)]),
                "current": code == current,
            }
        )
    return links


def render_page(
    request: HttpRequest,
    template: str,
    context: Any,
    *,
    kind: str,
    generations: Iterable[str] = (REGISTRY,),
    status: int = 200,
    timeout: int = CACHE_SECONDS,
) -> HttpResponse:
    """``template`` with ``context()`` (called on a cache miss only), cached per language and
    query (:func:`tandem.web.open.reader.cached_response`)."""

    def build() -> tuple[bytes, str]:
        data = dict(context())
        name, url = licence()
        data.update(
            languages=language_links(request),
            language=reader_language(request),
            licence_name=name,
            licence_url=url,
            path=request.path,
        )
        return render_to_string(template, data).encode(), HTML

    return cached_response(
        request, kind, build, generations=generations, status=status, timeout=timeout
    )
