"""Why a record changed, as history keeps it: a code (and parameters), shown in the reader's
language (see :mod:`tandem.core.messages`).

A service that writes a fixed reason passes its code (``"published"``, ``"demo account"``);
one with parameters passes :func:`history_reason` (``{"code": …, "params": …}`` as compact
JSON, within simple-history's 100 characters). The pages render it with
:func:`reason_text` (the ``history_reason`` template filter): a known code in the reader's
language, a system actor's name before it as it is ("worker: schedule job 12: …"), and a
reason a person typed as typed. The codes are the English words older rows kept, so those
rows are read in the reader's language too.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.messages import message, render

#: A text parameter is cut to this length: the JSON, and a system actor's name before it, stay
#: within the column (a cut JSON would be shown as it is).
PARAM_LENGTH = 30

HISTORY_REASONS: dict[str, Any] = {
    # accounts
    "demo account": _("demo account"),
    "language changed": _("language changed"),
    "token issued": _("API token issued"),
    "token revoked": _("API token revoked"),
    "saved filter": _("filter saved"),
    "saved filter deleted": _("saved filter deleted"),
    # committee
    "session planned": _("session planned"),
    "session changed": _("session changed"),
    "working group saved": _("working group saved"),
    "renumbered": _("renumbered"),
    "published": pgettext_lazy("history", "published"),
    "unpublished": pgettext_lazy("history", "unpublished"),
    "unmarked public": _("no longer marked public"),
    # fairs
    "expired": pgettext_lazy("meeting request", "Expired"),
    "accepted": pgettext_lazy("meeting request", "Accepted"),
    "declined": pgettext_lazy("meeting request", "Declined"),
    "withdrawn": pgettext_lazy("meeting request", "Withdrawn"),
    "availability": _("availability changed"),
    "deadlines": _("deadlines changed"),
    "pinned": _("pinned"),
    "unpinned": pgettext_lazy("history", "unpinned"),
    "moved by hand": _("moved by hand"),
    "superseded": _("superseded by version %(number)s"),
    # exchange, press, projects, matchmaking
    "edited": pgettext_lazy("history", "edited"),
    "read again": _("read again"),
    "from press article": _("from press article %(article)s"),
    "illustrative history": _("illustrative history"),
    "import": _("import of %(source)s"),
    "meeting recorded": _("meeting recorded"),
    "answered": _("answered: %(status)s"),
    "outcome": _("outcome: %(outcome)s"),
    "created for company profile": _("created for company profile %(profile)s"),
    "linked to organisation": _("linked to organisation %(organisation)s"),
}


def history_reason(code: str, **params: Any) -> str:
    """What to pass as a change reason for ``code`` with ``params``."""
    if not params:
        return code
    shown = {k: v[:PARAM_LENGTH] if isinstance(v, str) else v for k, v in params.items()}
    return json.dumps(message(code, **shown), ensure_ascii=False, separators=(",", ":"))


def _stored(text: str) -> dict[str, Any] | None:
    if text in HISTORY_REASONS:
        return {"code": text, "params": {}}
    if text.startswith('{"code"'):
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, dict) and value.get("code") in HISTORY_REASONS else None
    return None


def reason_text(text: str | None, language: str | None = None) -> str:
    """A kept change reason in the reader's language (a typed one as typed)."""
    text = text or ""
    stored = _stored(text)
    if stored is not None:
        return render(HISTORY_REASONS, stored, fallback=text, language=language)
    # A system actor's name before the reason: "worker: schedule job 12 by bob: published".
    for at in (text.find(': {"code"'), text.rfind(": ")):
        if at > 0:
            stored = _stored(text[at + 2 :])
            if stored is not None:
                shown = render(HISTORY_REASONS, stored, fallback=text[at + 2 :], language=language)
                return f"{text[:at]}: {shown}"
    return text
