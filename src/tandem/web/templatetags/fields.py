"""Form fields rendered in one pass of Python.

Django's widget templates render every ``<option>`` through the template engine, which costs
milliseconds on a filter form with a list of 136 regions; a page of the registry shows that
form on every request.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


def _options(choices: Any, current: str) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if str(value) == current else "", label) for value, label in choices),
    )


@register.simple_tag
def fast_field(field: BoundField) -> SafeString:
    """A select (for a field with choices) or a text input, named and labelled like Django's."""
    value = field.value()
    current = "" if value is None else str(value)
    choices = getattr(field.field, "choices", None)
    # The field's help text, shown beside it as ``<id>_helptext`` (as Django names it).
    described = (
        format_html(' aria-describedby="{}_helptext"', field.auto_id) if field.help_text else ""
    )
    if choices:
        return format_html(
            '<select name="{}" id="{}"{}>{}</select>',
            field.html_name,
            field.id_for_label,
            described,
            _options(choices, current),
        )
    kind = "search" if field.html_name == "q" else "text"
    return format_html(
        '<input type="{}" name="{}" id="{}" value="{}"{}>',
        kind,
        field.html_name,
        field.id_for_label,
        current,
        described,
    )
