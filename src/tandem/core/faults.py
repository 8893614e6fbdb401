"""Faults of the machine, told apart from faults of the code.

A write that cannot be stored (the disk or the database is full) and a database that has gone
away (a terminated connection, a restarted server, SQLite locked past its timeout) are not
bugs: the user is told what happened in their language, with the right status (507, 503 with
Retry-After), and the next request works without restarting tandem. Everything else stays an
error of the code and goes to the 500 page as before.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Callable, Iterator
from enum import StrEnum

from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger("tandem.faults")

RETRY_AFTER_SECONDS = 30
STORAGE_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
# SQLite says these when its file cannot grow or cannot be reached for a while.
SQLITE_FULL = ("database or disk is full",)
SQLITE_UNAVAILABLE = (
    "database is locked",
    "database table is locked",
    "unable to open database file",
    "disk i/o error",
)
# PostgreSQL's SQLSTATE: 53100 disk full; class 08 connection exceptions; 57P01-57P03 the
# server shutting down or starting; 53300 too many connections; 40001/40P01 serialisation.
POSTGRES_FULL = frozenset({"53100"})
POSTGRES_UNAVAILABLE = frozenset({"57P01", "57P02", "57P03", "53300", "40001", "40P01"})


class Fault(StrEnum):
    STORAGE_FULL = "storage_full"
    DATABASE_UNAVAILABLE = "database_unavailable"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def classify(exc: BaseException) -> Fault | None:
    """The machine fault behind ``exc``, or None when it is an error of the code."""
    database_error = False
    for error in _chain(exc):
        if isinstance(error, OSError) and error.errno in STORAGE_FULL_ERRNOS:
            return Fault.STORAGE_FULL
        message = str(error).lower()
        if isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError):
            if any(text in message for text in SQLITE_FULL):
                return Fault.STORAGE_FULL
            if any(text in message for text in SQLITE_UNAVAILABLE):
                return Fault.DATABASE_UNAVAILABLE
        sqlstate = getattr(error, "sqlstate", None)
        if sqlstate in POSTGRES_FULL:
            return Fault.STORAGE_FULL
        if sqlstate in POSTGRES_UNAVAILABLE or (sqlstate or "").startswith("08"):
            return Fault.DATABASE_UNAVAILABLE
        if _is_lost_postgres_connection(error, sqlstate):
            return Fault.DATABASE_UNAVAILABLE
        database_error = database_error or isinstance(error, DatabaseError)
    return None


def _is_lost_postgres_connection(error: BaseException, sqlstate: str | None) -> bool:
    """psycopg raises OperationalError or InterfaceError without a SQLSTATE when the server
    closed the connection or could not be reached at all."""
    module = type(error).__module__
    if not module.startswith("psycopg") or sqlstate:
        return False
    return type(error).__name__ in {"OperationalError", "InterfaceError"}


def discard_broken_connections() -> None:
    """Close every connection that a fault left unusable, so the next request reconnects."""
    for connection in connections.all(initialized_only=True):
        try:
            if connection.in_atomic_block:
                continue
            if connection.connection is not None and not connection.is_usable():
                connection.close()
        except DatabaseError:
            connection.close()


def fault_response(request: HttpRequest, fault: Fault) -> HttpResponse:
    """The answer for ``fault``: a problem document for the API, the site's page elsewhere."""
    if fault is Fault.STORAGE_FULL:
        status = 507
        title = _("Storage is full")
        detail = _(
            "The server has no room left to store this change, so nothing was changed. "
            "Please try again later; the operators have been told."
        )
    else:
        status = 503
        title = _("The database is not available")
        detail = _(
            "The database could not be reached or was busy, so nothing was changed. "
            "Please try again in a moment."
        )
    response: HttpResponse
    if request.path.startswith("/api/"):
        problem = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        response = JsonResponse(problem, status=status, content_type="application/problem+json")
    else:
        # Rendered without the request's context processors: they may need the database.
        body = render_to_string(
            "web/errors/fault.html", {"title": title, "detail": detail, "status": status}
        )
        response = HttpResponse(body, status=status)
    if fault is Fault.DATABASE_UNAVAILABLE:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class MachineFaultMiddleware:
    """Answer 507 or 503 for a fault of the machine; leave errors of the code alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        fault = classify(exception)
        if fault is None:
            return None
        log.warning(
            "%s on %s %s: %s",
            fault.value,
            request.method,
            request.path,
            exception,
        )
        discard_broken_connections()
        return fault_response(request, fault)
