"""The press fact-check table's verdicts are in the reader's language, not English."""

from __future__ import annotations

import pytest
from django.utils import translation

from tandem.press.enums import Verdict
from tandem.press.models import FigureClaim

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_verdicts_are_rendered_in_the_reader_language(language: str) -> None:
    with translation.override(language):
        assert FigureClaim(verdict=Verdict.CANNOT_CHECK).verdict_text == str(
            Verdict.CANNOT_CHECK.label
        )
        assert FigureClaim(verdict=Verdict.DISAGREES, difference=-11).verdict_text == (
            translation.gettext("disagrees by %(difference)s") % {"difference": 11}
        )


def test_the_english_texts() -> None:
    with translation.override("en"):
        assert (
            FigureClaim(verdict=Verdict.DISAGREES, difference=11).verdict_text == "disagrees by 11"
        )
        assert FigureClaim(verdict=Verdict.CANNOT_CHECK).verdict_text == "cannot check"
