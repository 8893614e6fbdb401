"""A row's validation problems in the reader's language, never pydantic's English dump.

pydantic names each problem with a type (``missing``, ``enum``, ``date_from_datetime_parsing``,
…), the field and the value given; :func:`schema_problem_text` turns that into one short
sentence marked for the translators. A type not listed here keeps pydantic's message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

SCHEMA_PROBLEMS = {
    "missing": _("%(field)s: a value is required"),
    "enum": _("%(field)s: %(value)s is not one of %(expected)s"),
    "literal_error": _("%(field)s: %(value)s is not one of %(expected)s"),
    "date_parsing": _("%(field)s: %(value)s is not a date (write it as YYYY-MM-DD)"),
    "date_from_datetime_parsing": _("%(field)s: %(value)s is not a date (write it as YYYY-MM-DD)"),
    "date_type": _("%(field)s: %(value)s is not a date (write it as YYYY-MM-DD)"),
    "string_too_long": _("%(field)s: longer than %(max_length)s characters"),
    "string_pattern_mismatch": _("%(field)s: %(value)s does not have the expected form"),
    "int_parsing": _("%(field)s: %(value)s is not a whole number"),
    "float_parsing": _("%(field)s: %(value)s is not a number"),
    "decimal_parsing": _("%(field)s: %(value)s is not a number"),
    "bool_parsing": _("%(field)s: %(value)s is not yes or no"),
}


def schema_problem_text(problem: Mapping[str, Any]) -> str:
    """One of pydantic's ``errors()`` as a sentence in the active language."""
    field = ".".join(str(piece) for piece in problem.get("loc", ()))
    template = SCHEMA_PROBLEMS.get(str(problem.get("type", "")))
    if template is None:
        return f"{field}: {problem.get('msg', '')}"
    context = problem.get("ctx") or {}
    params = {
        "field": field,
        "value": repr(problem.get("input")) if problem.get("input") is not None else "''",
        "expected": context.get("expected", ""),
        "max_length": context.get("max_length", ""),
    }
    return str(template % params)
