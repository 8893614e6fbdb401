"""Label suggestions for the project form and the import preview, and the examples they leave.

The project form asks :func:`suggest_labels_view` (htmx, after the title or summary is typed,
or on the button) and shows the ranked plan areas and national projects with a score and a
short reason; "Accept" copies the chosen ones into the form (static/tandem/alignment-suggest.js).
When the project is saved, the project services keep its labels as an example the suggester
learns from (projects/services/label_examples.py), whichever way it came in.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from tandem.core.models import Region
from tandem.core.permissions import permission_required
from tandem.programme.labelling import LabelScore, Reason, Suggestion
from tandem.programme.labelling.labels import LANGUAGES
from tandem.programme.labelling.reasons import CLOSE_TO, FAR_EAST_PLACE, LIKE_EXAMPLE, MENTIONS
from tandem.programme.models import NationalProject, PlanArea
from tandem.programme.selectors import FAR_EAST, far_east_region_names
from tandem.programme.services.labelling import (
    ProjectText,
    best_text,
    suggest_labels,
    suggest_labels_many,
)

logger = logging.getLogger(__name__)
SHOWN = 5
IMPORT_LIMIT = 50


def _names() -> dict[str, str]:
    names = {a.code: str(a.name) for a in PlanArea.objects.all()}
    names.update({n.code: str(n.name) for n in NationalProject.objects.all()})
    return names


# One sentence per reason code of the suggester; %(value)s is its values, listed.
REASON_TEMPLATES = {
    FAR_EAST_PLACE: gettext_lazy("Far East place: %(value)s"),
    MENTIONS: gettext_lazy("mentions %(value)s"),
    LIKE_EXAMPLE: gettext_lazy("like example %(value)s"),
    CLOSE_TO: gettext_lazy("close to “%(value)s”"),
}


def reason_text(reasons: Sequence[Reason]) -> str:
    """The suggester's reasons (codes and values) as one line in the active language."""
    items = pgettext("list separator", ", ")
    between = pgettext("reason separator", "; ")
    return between.join(
        str(REASON_TEMPLATES[r.code]) % {"value": items.join(r.values)} for r in reasons
    )


def _rows(items: list[LabelScore], names: Mapping[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "code": item.id,
            "name": names.get(item.id, item.id),
            "percent": round(100 * item.score),
            "chosen": item.chosen,
            "reason": reason_text(item.reasons),
        }
        for item in items[:SHOWN]
    ]


def suggestion_context(suggestion: Suggestion, text: ProjectText) -> dict[str, Any]:
    names = _names()
    chosen_areas = suggestion.chosen("plan_areas")
    return {
        "language": text.language,
        "plan_areas": _rows(suggestion.plan_areas, names),
        "national_projects": _rows(suggestion.national_projects, names),
        "primary": suggestion.primary_plan_area,
        "other_areas": " ".join(code for code in chosen_areas if code != chosen_areas[0]),
        "nationals": " ".join(suggestion.chosen("national_projects")),
    }


def _posted_text(data: Mapping[str, Any]) -> ProjectText | None:
    return best_text(
        {lang: str(data.get(f"title_{lang}") or "") for lang in LANGUAGES},
        {lang: str(data.get(f"summary_{lang}") or "") for lang in LANGUAGES},
    )


@require_POST
@permission_required("programme.suggest_labels")
def suggest_labels_view(request: HttpRequest) -> HttpResponse:
    """The ranked suggestions for the title and summary posted (an htmx fragment)."""
    text = _posted_text(request.POST)
    context: dict[str, Any] = {"empty": text is None}
    if text is not None:
        regions = far_east_region_names(request.POST.getlist("regions"))
        try:
            suggestion = suggest_labels(text, far_east_regions=regions)
        except (RuntimeError, OSError):  # the model is missing or failed to load
            logger.exception("label suggestion failed")
            context["unavailable"] = True
        else:
            context.update(suggestion_context(suggestion, text))
    return render(request, "web/alignment/_suggestions.html", context)


def import_suggestions(plan: Any) -> dict[int, dict[str, Any]]:
    """Suggestions for the first projects an import would create, by file line."""
    lines: list[int] = []
    texts: list[ProjectText] = []
    regions: list[list[str]] = []
    filed: list[tuple[list[str], list[str]]] = []
    creates = [
        (outcome, item)
        for outcome, item, *_rest in getattr(plan, "items", [])
        if outcome.action == "create"
    ][:IMPORT_LIMIT]
    far_east = {
        code: str(name)
        for code, name in Region.objects.filter(
            code__in={code for _o, item in creates for code in item.regions or []},
            federal_district__code=FAR_EAST,
        ).values_list("code", "name")
    }
    for outcome, item in creates:
        text = _posted_text(item.model_dump())
        if text is None:
            continue
        lines.append(outcome.line)
        texts.append(text)
        regions.append([far_east[code] for code in item.regions or [] if code in far_east])
        filed.append((list(item.plan_areas or []), list(item.national_projects or [])))
    if not texts:
        return {}
    try:
        found = suggest_labels_many(texts, far_east_regions=regions)
    except (RuntimeError, OSError):  # the preview works without suggestions
        logger.exception("label suggestion failed")
        return {}
    out: dict[int, dict[str, Any]] = {}
    for line, text, suggestion, (areas, nationals) in zip(lines, texts, found, filed, strict=True):
        context = suggestion_context(suggestion, text)
        context["differs"] = bool(areas) and (
            areas[0] != suggestion.primary_plan_area
            or set(nationals) != set(suggestion.chosen("national_projects"))
        )
        out[line] = context
    return out
