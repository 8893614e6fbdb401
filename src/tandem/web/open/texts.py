"""A public project's texts in three languages: which language is the original and, per
field and language, where the text came from.

Read from the project's own history (``simple_history``): a language filled in the record's
first version came with the record ("own"); a language filled by a later edit is a person's
translation, dated; an empty one has none, and the reader is shown the original instead. The
original language is that of the lead participant's side among the record's own languages,
else the first of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from tandem.core.i18n import LANGUAGES
from tandem.projects.enums import ParticipantRole

FIELDS = ("title", "summary")
OWN = "own"
PERSON = "person"
NONE = "none"
ORIGIN_LABELS = {
    OWN: _("entered with the record"),
    PERSON: _("translated by a person"),
    NONE: _("no translation"),
}
SIDE_LANGUAGE = {"JP": "ja", "RU": "ru"}


@dataclass(frozen=True)
class TextVersion:
    language: str
    text: str
    origin: str
    added: dt.datetime | None = None

    @property
    def origin_label(self) -> str:
        return str(ORIGIN_LABELS[self.origin])


@dataclass(frozen=True)
class FieldTexts:
    """One field (title or summary): what the reader is shown, and every language's text."""

    name: str
    shown: str
    shown_language: str
    original: str
    versions: list[TextVersion] = field(default_factory=list)

    @property
    def is_fallback(self) -> bool:
        return bool(self.shown) and self.shown_language != self.reader_language

    reader_language: str = "en"


def _first_filled(history: list[dict[str, Any]], column: str) -> tuple[int, dt.datetime] | None:
    for index, version in enumerate(history):
        if version.get(column):
            return index, version["history_date"]
    return None


def original_language(project: Any, own: list[str]) -> str:
    leads = [p for p in project.participants.all() if p.role == ParticipantRole.LEAD]
    for participant in leads:
        language = SIDE_LANGUAGE.get(participant.side.code, "")
        if language in own:
            return language
    return own[0] if own else "en"


def project_texts(project: Any, reader_language: str) -> dict[str, FieldTexts]:
    columns = [f"{name}_{language}" for name in FIELDS for language in LANGUAGES]
    history = list(
        project.history.order_by("history_date", "history_id").values("history_date", *columns)
    )
    first = history[0] if history else {}
    own = [
        language
        for language in LANGUAGES
        if any(first.get(f"{name}_{language}") for name in FIELDS)
    ]
    if not own:  # no history (a record written around the services): what it holds now
        own = [lang for lang in LANGUAGES if getattr(project, f"title_{lang}", "")]
    original = original_language(project, own)
    result = {}
    for name in FIELDS:
        versions = []
        for language in LANGUAGES:
            text = getattr(project, f"{name}_{language}", "") or ""
            found = _first_filled(history, f"{name}_{language}")
            if not text:
                versions.append(TextVersion(language, "", NONE))
            elif found is None or found[0] == 0:
                versions.append(TextVersion(language, text, OWN))
            else:
                versions.append(TextVersion(language, text, PERSON, found[1]))
        by_language = {v.language: v for v in versions}
        if by_language[reader_language].text:
            shown_language = reader_language
        elif by_language[original].text:
            shown_language = original
        else:
            shown_language = next((v.language for v in versions if v.text), reader_language)
        result[name] = FieldTexts(
            name=name,
            shown=by_language[shown_language].text,
            shown_language=shown_language,
            original=original,
            versions=versions,
            reader_language=reader_language,
        )
    return result
