"""Who writes: every service that writes takes ``actor: Actor``, keyword-only and required.

An actor is a person (a :class:`~tandem.core.models.User`) or a :class:`SystemActor`: the
command line or the task worker, named for what it does ("tandem import", "worker: schedule
job 12") and, when a person asked for the work, on whose behalf. History records the person
in ``history_user`` and the system actor's name in ``history_change_reason`` (see
docs/decisions/0005-actors.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeAlias

from django.core.exceptions import PermissionDenied

from tandem.core.models import User

REASON_LENGTH = 100  # simple-history's history_change_reason column


@dataclass(frozen=True)
class SystemActor:
    """The command line or the worker, writing on behalf of ``user`` (or of no one: the
    operator who runs ``tandem demo-data`` on the server)."""

    name: str
    user: User | None = None

    def __str__(self) -> str:
        return f"{self.name} by {self.user.username}" if self.user else self.name

    # Permission checks ask the person on whose behalf the system writes; the system on its
    # own is the operator of the server, who may do anything the database allows anyway.
    @property
    def is_authenticated(self) -> bool:
        return True

    def has_perm(self, permission: str, obj: Any = None) -> bool:
        return True if self.user is None else bool(self.user.has_perm(permission, obj))


Actor: TypeAlias = User | SystemActor


def command_actor(command: str, user: User | None = None) -> SystemActor:
    """The actor of a ``tandem`` command, e.g. ``tandem import by secretariat-jp``."""
    return SystemActor(name=f"tandem {command}", user=user)


def worker_actor(job: str, user: User | None = None) -> SystemActor:
    """The actor of a background job, e.g. ``worker: schedule job 12``."""
    return SystemActor(name=f"worker: {job}", user=user)


def actor_user(actor: Actor) -> User | None:
    """The person to record in a user column: the actor, or the one a system actor serves."""
    return actor.user if isinstance(actor, SystemActor) else actor


def actor_reason(actor: Actor, reason: str = "") -> str:
    """The change reason to record: ``reason``, with a system actor's name before it."""
    if isinstance(actor, SystemActor):
        name = str(actor)
        if reason.startswith('{"code"'):  # a coded reason (core.history_reasons) stays whole
            name = name[: max(REASON_LENGTH - len(reason) - 2, 0)]
        text = f"{name}: {reason}" if reason else name
    else:
        text = reason
    return text[:REASON_LENGTH]


_ACTING: ContextVar[Actor | None] = ContextVar("tandem_acting_as", default=None)


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    """Record ``actor`` against every history record written inside the block that does not
    name its own: the rows a deletion cascades to, many-to-many changes, bulk helpers."""
    token = _ACTING.set(actor)
    try:
        yield
    finally:
        _ACTING.reset(token)


def history_user(instance: Any, request: Any = None, **kwargs: Any) -> User | None:
    """simple-history's ``get_user``: the actor of the enclosing :func:`acting_as`, else the
    signed-in user of the request being served (simple-history's middleware)."""
    actor = _ACTING.get()
    if actor is not None:
        return actor_user(actor)
    user = getattr(request, "user", None)
    return user if isinstance(user, User) else None


# The operator loading illustrative records (tandem demo-data, the tests' fixtures).
DEMO_ACTOR = SystemActor(name="tandem demo-data")


def signed_in(user: object) -> User:
    """The person behind a request, as the actor of a write. Every page and API operation
    that writes requires a permission that visitors lack, so this refuses only what the
    permission already refused."""
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
