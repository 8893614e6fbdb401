"""Writes on the per-side confidential notes of a project."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tandem.core.actors import Actor, actor_user
from tandem.core.audit import with_actor
from tandem.projects.models import ConfidentialNote, JointProject
from tandem.projects.selectors.visibility import note_side_for

MAX_NOTE_LENGTH = 5000


@transaction.atomic
def confidential_note_create(*, project: JointProject, text: str, actor: Actor) -> ConfidentialNote:
    """A note for the actor's own side; the other side never sees it. A note has a person
    for its author: a system actor writes one only for the person it works for."""
    author = actor_user(actor)
    side_id = note_side_for(author) if author is not None else None
    if author is None or side_id is None:
        raise PermissionDenied("Only the secretariat and officials of a side keep notes.")
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write the note first."})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError({"text": f"A note has at most {MAX_NOTE_LENGTH} characters."})
    note = ConfidentialNote(project=project, side_id=side_id, text=text, author=author)
    note.full_clean()
    with_actor(note, actor)
    note.save()
    return note
