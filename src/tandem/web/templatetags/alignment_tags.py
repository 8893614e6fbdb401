"""Template helpers of the alignment pages."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_line(mapping: Any, key: Any) -> Any:
    """``mapping[key]`` or ``None`` (suggestions of the import preview, by file line)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
