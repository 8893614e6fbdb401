"""The one mapping of a service's refusal to the API's answer."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from ninja.errors import HttpError


def unprocessable(error: ValidationError) -> HttpError:
    """422 with the service's sentences: ``field: sentence …; field: …`` for errors keyed by
    field, else the sentences one after the other. Raise it ``from error``."""
    if hasattr(error, "error_dict"):
        text = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    else:
        text = " ".join(error.messages)
    return HttpError(422, text)
