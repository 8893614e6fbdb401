"""The one ValidationError -> 422 mapping of the API (tandem.api.errors.unprocessable)."""

from __future__ import annotations

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from tandem.api.errors import unprocessable

pytestmark = pytest.mark.unit


def test_a_list_of_sentences_is_joined() -> None:
    error = unprocessable(ValidationError(["The fair is closed.", "Ask the organiser."]))
    assert error.status_code == 422
    assert str(error) == "The fair is closed. Ask the organiser."


def test_errors_by_field_name_their_field() -> None:
    error = unprocessable(
        ValidationError({"title": ["Give a title."], NON_FIELD_ERRORS: ["Ends before it starts."]})
    )
    assert error.status_code == 422
    assert str(error) == "title: Give a title.; __all__: Ends before it starts."
