"""A translated text left empty is stored as "", never as NULL.

django-modeltranslation makes every per-language column nullable, so a record created without
a Japanese summary held ``summary_ja = None``; every place that turns a value into text (a
template, an f-string, ``str()``) then showed the word "None". Every translated field of
tandem is a non-null text field, so its per-language columns hold "" when empty: the model
signal below sees to it for every save, and :func:`blank_untranslated` for bulk writes, which
send no signal.
"""

from __future__ import annotations

from typing import Any

from modeltranslation.translator import NotRegistered, translator

_COLUMNS: dict[type[Any], tuple[str, ...]] = {}


def translation_columns(model: type[Any]) -> tuple[str, ...]:
    """The per-language columns of ``model`` whose empty value is "" (its base field is not
    nullable); looked up once per model."""
    if model not in _COLUMNS:
        _COLUMNS[model] = _columns_of(model)
    return _COLUMNS[model]


def _columns_of(model: type[Any]) -> tuple[str, ...]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    columns: list[str] = []
    for name, fields in options.all_fields.items():
        if model._meta.get_field(name).null:
            continue
        columns.extend(field.attname for field in fields)
    return tuple(sorted(columns))


def blank_untranslated(instance: Any) -> None:
    """Turn the None of every per-language column of ``instance`` into ""."""
    for column in translation_columns(type(instance)):
        if getattr(instance, column, "") is None:
            setattr(instance, column, "")


def blank_untranslated_before_save(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """``pre_save`` receiver for every model."""
    blank_untranslated(instance)
