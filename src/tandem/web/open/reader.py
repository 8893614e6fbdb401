"""Who the portal reads as, in which language, and its cache.

The portal shows what the public may see and nothing else: every selector is called with
:data:`PUBLIC_READER`, an anonymous user, whoever is signed in, so that a page is the same for
every reader of one language and may be cached for all of them. Pages are rendered without the
request (no CSRF token, no user name), then cached per language and query under the
generations of the records they show (``tandem.core.generations``): a write to the registry
or to a public decision makes every cached page of it stale at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from tandem.committee.services.decisions import DECISIONS_GENERATION
from tandem.core.generations import generation_key
from tandem.projects.selectors.stats import GENERATION as REGISTRY_GENERATION

PUBLIC_READER = AnonymousUser()
REGISTRY = REGISTRY_GENERATION
COMMITTEE = DECISIONS_GENERATION
CACHE_SECONDS = 24 * 60 * 60
#: How long a browser or proxy may keep a page before asking again.
MAX_AGE_SECONDS = 60
LANGUAGE_PARAMETER = "lang"


def supported_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def reader_language(request: HttpRequest) -> str:
    """The reader's language: ``?lang=`` (the portal's switcher) first, then what the
    middleware chose (the language cookie, a signed-in user's choice, Accept-Language)."""
    asked = request.GET.get(LANGUAGE_PARAMETER, "")
    if asked in supported_languages():
        translation.activate(asked)
        request.LANGUAGE_CODE = asked
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def remember_language(request: HttpRequest, response: HttpResponse) -> None:
    """A language chosen with the switcher is kept in the site's language cookie."""
    asked = request.GET.get(LANGUAGE_PARAMETER, "")
    if asked in supported_languages():
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            asked,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


def query_without_language(request: HttpRequest) -> list[tuple[str, str]]:
    """The query's parameters, sorted, the language switch left out."""
    return sorted(
        (key, value)
        for key, values in request.GET.lists()
        if key != LANGUAGE_PARAMETER
        for value in values
    )


def cache_key(request: HttpRequest, kind: str, generations: Iterable[str]) -> str:
    language = reader_language(request)
    state = ":".join(generation_key(name) for name in generations)
    what = repr((kind, request.get_host(), request.path, query_without_language(request)))
    digest = hashlib.sha256(what.encode()).hexdigest()[:40]
    return f"tandem:open:{kind}:{language}:{state}:{digest}"


def cached_response(
    request: HttpRequest,
    kind: str,
    build: Callable[[], tuple[bytes, str]],
    *,
    generations: Iterable[str] = (REGISTRY,),
    status: int = 200,
    timeout: int = CACHE_SECONDS,
) -> HttpResponse:
    """The page from the cache, or built by ``build`` (body, content type) and cached for
    ``timeout`` seconds at most (a new generation makes it stale sooner)."""
    key = cache_key(request, kind, generations)
    entry: tuple[bytes, str] | None = cache.get(key)
    hit = entry is not None
    if entry is None:
        entry = build()
        cache.set(key, entry, timeout)
    body, content_type = entry
    response = HttpResponse(body, content_type=content_type, status=status)
    response["X-Tandem-Cache"] = "hit" if hit else "miss"
    public_headers(request, response)
    return response


def public_headers(request: HttpRequest, response: HttpResponse) -> None:
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    remember_language(request, response)
