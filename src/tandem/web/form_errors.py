"""The one way a service's refusal goes back onto the page's form."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


def add_service_errors(form: Any, error: ValidationError) -> None:
    """Each field's sentences under that field when the form has it, else above the form
    (as the form's own errors); a refusal of the whole request above the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)
