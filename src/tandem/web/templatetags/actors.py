"""Who changed a record, as the reader may know it.

A record's history names the person who changed it. People's names and user names are for
programme staff (``core.view_person``); anyone else (the public, a company representative)
reads the role that acted ("Secretariat"), never a user name, and not the change reason,
which can name the person a command or the worker acted for.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from tandem.core.permissions import check

register = template.Library()


def reader_sees_actors(reader: Any) -> bool:
    return check(reader, "core.view_person")


@register.simple_tag(takes_context=True)
def sees_actors(context: template.Context) -> bool:
    """Whether the reader of the page may read who changed records."""
    request = context.get("request")
    return request is not None and reader_sees_actors(request.user)


@register.simple_tag(takes_context=True)
def actor_label(context: template.Context, user: Any) -> str:
    """The person who acted, for staff; their role, for everyone else; "system" for none."""
    if user is None:
        return _("system")
    request = context.get("request")
    if request is not None and reader_sees_actors(request.user):
        return str(user)
    role = getattr(user, "get_role_display", lambda: "")()
    return str(role) if role else _("programme staff")
