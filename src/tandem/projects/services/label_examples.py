"""A saved project's labels become an example the label suggester learns from.

Every way a project is written in (the form, the API, an import) calls
:func:`project_label_example_record` from the project services, so the suggester learns
from all of them alike. A side-confidential project's text never becomes an example: the
suggester serves both sides, and a suggestion can echo the examples it learnt from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor, actor_user
from tandem.core.history import create_rows, delete_rows
from tandem.programme.labelling.examples import ExampleError, make_example
from tandem.programme.labelling.labels import LANGUAGES
from tandem.programme.models import LabelExample
from tandem.programme.services.labelling import best_text, example_fields, label_example_record
from tandem.projects.enums import Disclosure
from tandem.projects.models import JointProject, ProjectPlanArea


def project_label_example_record(
    *,
    project: JointProject,
    actor: Actor,
    suggested_primary: str = "",
    plan_areas: Sequence[str] | None = None,
    national_projects: Sequence[str] | None = None,
) -> LabelExample | None:
    """Keep ``project``'s saved text and labels as an example (``None`` when it gives none:
    illustrative, side-confidential, no text, no plan area, or a label the suggester does not
    know). ``plan_areas`` (primary first) and ``national_projects`` are read from the project
    when not given (an import gives them, to spare a query per project)."""
    if project.is_illustrative or project.disclosure == Disclosure.SIDE_CONFIDENTIAL:
        return None
    text = best_text(
        {lang: str(getattr(project, f"title_{lang}", "") or "") for lang in LANGUAGES},
        {lang: str(getattr(project, f"summary_{lang}", "") or "") for lang in LANGUAGES},
    )
    areas = list(plan_areas) if plan_areas is not None else _plan_area_codes(project)
    if text is None or not areas:
        return None
    nationals = (
        list(national_projects)
        if national_projects is not None
        else [str(code) for code in project.national_projects.values_list("code", flat=True)]
    )
    try:
        with transaction.atomic():  # an unknown label: the project is saved anyway
            return label_example_record(
                text=text,
                primary_plan_area=areas[0],
                plan_areas=areas,
                national_projects=nationals,
                project_code=project.code,
                suggested_primary=suggested_primary[:10],
                actor=actor,
            )
    except ValidationError:
        return None


def _plan_area_codes(project: JointProject) -> list[str]:
    links = ProjectPlanArea.objects.filter(project=project)
    ordered = links.order_by("-is_primary", "plan_area__number")
    return [str(code) for code in ordered.values_list("plan_area__code", flat=True)]


def project_label_examples_record(
    *,
    projects: Sequence[tuple[JointProject, Sequence[str], Sequence[str]]],
    actor: Actor,
) -> int:
    """:func:`project_label_example_record` for many new projects at once (an import):
    ``projects`` are (project, plan areas primary first, national projects). The same
    examples, kept or replaced as one by one, in a few statements (one read of the examples
    already kept, one insert per thousand new ones) instead of a savepoint, a read and a save
    per project. Returns how many examples were written."""
    wanted: dict[str, tuple[LabelExample, dict[str, Any]]] = {}
    for project, plan_areas, national_projects in projects:
        if project.is_illustrative or project.disclosure == Disclosure.SIDE_CONFIDENTIAL:
            continue
        text = best_text(
            {lang: str(getattr(project, f"title_{lang}", "") or "") for lang in LANGUAGES},
            {lang: str(getattr(project, f"summary_{lang}", "") or "") for lang in LANGUAGES},
        )
        areas = list(plan_areas)
        if text is None or not areas or not project.code:
            continue
        try:
            example = make_example(
                id=project.code,
                language=text.language,
                title=text.title,
                description=text.description,
                primary_plan_area=areas[0],
                plan_areas=areas,
                national_projects=list(national_projects),
            )
        except ExampleError:
            continue  # a label the suggester does not know: the project is saved anyway
        fields = example_fields(example)
        row = LabelExample(project_code=project.code, accepted_by=actor_user(actor), **fields)
        try:
            row.full_clean(exclude=["accepted_by"])  # the actor's own user
        except ValidationError:
            continue
        wanted[project.code] = (row, fields)
    previous: dict[str, LabelExample] = {}
    codes = list(wanted)
    for start in range(0, len(codes), 500):
        kept = LabelExample.objects.filter(project_code__in=codes[start : start + 500])
        for stored in kept.order_by("pk"):
            previous[stored.project_code] = stored  # the latest one per code
    new, replaced = [], []
    for code, (row, fields) in wanted.items():
        old = previous.get(code)
        if old is not None and all(getattr(old, k) == v for k, v in fields.items()):
            continue
        if old is not None:
            replaced.append(code)
        new.append(row)
    if replaced:  # changed labels are learnt anew: new rows replace the old ones
        delete_rows(LabelExample.objects.filter(project_code__in=replaced), actor=actor)
    create_rows(LabelExample, new, actor=actor)
    return len(new)
