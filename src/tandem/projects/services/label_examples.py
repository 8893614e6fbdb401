"""A saved project's labels become an example the label suggester learns from.

Every way a project is written in (the form, the API, an import) calls
:func:`project_label_example_record` from the project services, so the suggester learns
from all of them alike. A side-confidential project's text never becomes an example: the
suggester serves both sides, and a suggestion can echo the examples it learnt from.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor
from tandem.programme.labelling.labels import LANGUAGES
from tandem.programme.models import LabelExample
from tandem.programme.services.labelling import best_text, label_example_record
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
