"""Messages kept as a code and parameters, rendered in the reader's language.

A message that tandem writes for people to read later (a status-history reason, a job's
progress, why a meeting request stayed unplaced, an import problem) is stored as
``{"code": …, "params": {…}}``, never as text in the writer's language, and turned into text
when it is read: ``render(CATALOGUE, stored, fallback=old_text)``. A catalogue maps each code
to its text, marked for the translators (``gettext_lazy``, or ``ngettext_lazy`` whose number is
the name of a parameter: ``ngettext_lazy("%(count)d slot", "%(count)d slots", "count")``).

Parameters are shown as given, except a nested message (rendered from the same catalogue), a
date (``*date`` keys holding ISO dates: in the reader's form) and a list (joined). Pure
packages (no Django) produce the same ``{"code", "params"}`` dictionaries; the web pages, the
API and the commands render them here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from django.utils import translation

from tandem.core.dates import reader_date, reader_language

Catalogue = Mapping[str, Any]


def message(code: str, **params: Any) -> dict[str, Any]:
    """What to store for ``code`` with ``params`` (JSON-serialisable values)."""
    return {"code": code, "params": params}


def render(
    catalogue: Catalogue,
    stored: Mapping[str, Any] | None,
    *,
    fallback: str = "",
    language: str | None = None,
) -> str:
    """``stored`` in ``language`` (the active one by default); ``fallback`` (the text an old
    row kept) where nothing or an unknown code is stored."""
    code = str((stored or {}).get("code") or "")
    if stored is None or code not in catalogue:
        return fallback or code
    with translation.override(reader_language(language)):
        params = {
            name: _shown(name, value, catalogue)
            for name, value in (stored.get("params") or {}).items()
        }
        try:
            return str(catalogue[code] % params)
        except (KeyError, TypeError, ValueError):
            return fallback or str(catalogue[code])


def _shown(name: str, value: Any, catalogue: Catalogue) -> Any:
    if isinstance(value, Mapping) and "code" in value:
        return render(catalogue, value)
    if isinstance(value, list | tuple):
        return ", ".join(str(_shown(name, item, catalogue)) for item in value)
    if name.endswith("date") and isinstance(value, str):
        try:
            return reader_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value


def message_text(code: str, **params: Any) -> str:
    """``message(code, **params)`` as compact JSON, for a text column that keeps either a
    message or a text as it was written (a job's error): read it with :func:`render_text`."""
    return json.dumps(message(code, **params), ensure_ascii=False, separators=(",", ":"))


def render_text(catalogue: Catalogue, text: str | None, *, language: str | None = None) -> str:
    """A text column's value in ``language``: a message kept by :func:`message_text` rendered
    from ``catalogue``, any other text as it is."""
    text = text or ""
    if text.startswith('{"code"'):
        try:
            stored = json.loads(text)
        except ValueError:
            return text
        if isinstance(stored, dict) and stored.get("code") in catalogue:
            return render(catalogue, stored, fallback=text, language=language)
    return text
