"""Ambiguous English words of the introduction pages carry a translation context."""

import re
from pathlib import Path

import pytest

import tandem

pytestmark = pytest.mark.unit

TEMPLATES = Path(tandem.__file__).parent / "web" / "templates" / "web" / "matchmaking"
AMBIGUOUS = ("Requested", "Accepted", "Declined", "Suggested", "Met", "Agreement", "State")


@pytest.mark.parametrize("word", AMBIGUOUS)
def test_ambiguous_word_is_never_translated_without_a_context(word: str) -> None:
    bare = re.compile(r'{%\s*translate\s+"' + word + r'"\s*%}')
    offenders = [t.name for t in TEMPLATES.glob("*.html") if bare.search(t.read_text())]
    assert offenders == []
