"""Schemas shared by every router: errors, translated text."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    """A refused request: the validator's list of problems, or one sentence from the code."""

    detail: list[dict[str, Any]] | str


class TranslatedText(Schema):
    en: str
    ja: str
    ru: str


def translated(obj: Any, field: str) -> TranslatedText:
    return TranslatedText(
        en=getattr(obj, f"{field}_en") or "",
        ja=getattr(obj, f"{field}_ja") or "",
        ru=getattr(obj, f"{field}_ru") or "",
    )


def responses(
    ok: Any, *, codes: tuple[int, ...] = (401, 403), ok_code: int = 200
) -> dict[int, Any]:
    """The documented responses of an operation: its result and each error it can give.

    Every operation may answer 400 (a body that is not JSON) and 422 (a parameter or body
    refused by its schema, or a number or date out of range: ``tandem.api.bounds``), so
    both are always documented."""
    documented: dict[int, Any] = {ok_code: ok}
    for code in (*codes, 400, 422):
        documented[code] = ValidationErrorOut if code == 422 else ErrorOut
    return documented
