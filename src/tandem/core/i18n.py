"""The three languages of tandem and the per-language columns of translated fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LANGUAGES = ("en", "ja", "ru")


def translated_fields(field: str, values: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    """``{"en": …}`` (or ``(en, ja, ru)``) → ``{"name_en": …, "name_ja": …, "name_ru": …}``,
    with ``name`` itself set to the English text."""
    texts = values if isinstance(values, Mapping) else dict(zip(LANGUAGES, values, strict=True))
    fields = {f"{field}_{language}": texts.get(language, "") for language in LANGUAGES}
    fields[field] = texts.get("en", "")
    return fields


def texts_of(obj: Any, field: str) -> dict[str, str]:
    """The non-empty texts of a translated field, by language."""
    return {
        language: text for language in LANGUAGES if (text := getattr(obj, f"{field}_{language}"))
    }


def in_language(texts: Mapping[str, str], language: str) -> str:
    """The text in ``language``, else the first of English, Japanese and Russian that exists:
    the fallback that django-modeltranslation applies to a model's translated field."""
    if text := texts.get(language):
        return text
    return next((texts[code] for code in LANGUAGES if texts.get(code)), "")
