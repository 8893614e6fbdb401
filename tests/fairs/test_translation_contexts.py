"""Ambiguous English words of the fairs pages carry a translation context: "From"/"To" of a
meeting request, "Agenda" of a fair (not the committee's agenda)."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

SRC = Path(__file__).resolve().parents[2] / "src" / "tandem"
BARE = re.compile(r'{% (?:translate|trans) "(From|To|Agenda|from|to)" %}')


def test_translation_contexts_in_fairs_templates() -> None:
    templates = sorted((SRC / "web" / "templates" / "web" / "fairs").glob("*.html"))
    assert templates
    bare = [f"{t.name}: {m}" for t in templates for m in BARE.findall(t.read_text())]
    assert bare == []


def test_translation_contexts_in_fairs_forms_and_models() -> None:
    for path in (SRC / "fairs" / "forms.py", SRC / "fairs" / "models" / "request.py"):
        source = path.read_text()
        assert not re.search(r'\b_\("(From|To|from|to|Agenda)"\)', source), path.name
        assert 'pgettext_lazy("meeting request", ' in source, path.name
