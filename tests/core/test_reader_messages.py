"""Messages kept as a code and parameters are rendered in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy, ngettext_lazy

from tandem.core.messages import message, render

pytestmark = pytest.mark.unit

CATALOGUE = {
    "unplaced": gettext_lazy("%(participant)s has no available slot"),
    "slots": ngettext_lazy("%(count)d slot", "%(count)d slots", "count"),
    "since": gettext_lazy("Since %(since_date)s."),
    "wrapped": gettext_lazy("Refused: %(why)s"),
}


def test_a_stored_message_is_rendered_with_its_parameters() -> None:
    stored = message("unplaced", participant="Kiso Robotics")
    assert stored == {"code": "unplaced", "params": {"participant": "Kiso Robotics"}}
    assert render(CATALOGUE, stored, language="en") == "Kiso Robotics has no available slot"


def test_a_count_chooses_the_plural_form() -> None:
    assert render(CATALOGUE, message("slots", count=1), language="en") == "1 slot"
    assert render(CATALOGUE, message("slots", count=3), language="en") == "3 slots"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Since 9 July 2019."), ("ja", "2019年7月9日(火)"), ("ru", "9 июля 2019 г.")],
)
def test_a_date_parameter_is_shown_in_the_reader_form(language: str, expected: str) -> None:
    stored = message("since", since_date="2019-07-09")
    assert expected in render(CATALOGUE, stored, language=language)
    with translation.override(language):
        assert expected in render(CATALOGUE, stored)  # the active language by default


def test_a_nested_message_and_a_list() -> None:
    stored = message("wrapped", why=message("slots", count=2))
    assert render(CATALOGUE, stored, language="en") == "Refused: 2 slots"
    listed = message("unplaced", participant=["A", "B"])
    assert render(CATALOGUE, listed, language="en") == "A, B has no available slot"


def test_an_old_row_keeps_its_text() -> None:
    assert render(CATALOGUE, None, fallback="新規登録") == "新規登録"
    assert render(CATALOGUE, message("gone"), fallback="old text") == "old text"
    assert render(CATALOGUE, message("gone")) == "gone"
