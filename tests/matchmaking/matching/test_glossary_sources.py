"""The matchmaking glossary holds reference names from named sources, never evaluation words.

Guards against the glossary being fitted again to the development profiles
(tests/data/matchmaking), on whose held-out split matching quality is reported.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest

import tandem.core.embedding.glossary as core_glossary
import tandem.matchmaking.matching.glossary as matchmaking_glossary_module
from tandem.core.embedding.glossary import gazetteer_names
from tandem.matchmaking.matching.glossary import glosses, matchmaking_glossary, programme_names

pytestmark = pytest.mark.unit

DEVSET = Path(__file__).resolve().parents[2] / "data" / "matchmaking" / "devset.jsonl"


def all_glosses() -> set[str]:
    glossary = matchmaking_glossary()
    return {*glossary.ja_terms.values(), *glossary.ru_stems.values(), *glossary.ru_words.values()}


def test_every_gloss_is_the_english_name_of_a_source_entry() -> None:
    source_names = {en for en, _, _ in [*programme_names(), *gazetteer_names()]}
    assert len(all_glosses()) > 100
    assert all_glosses() <= source_names


def test_no_multi_word_gloss_is_wording_of_an_evaluation_profile() -> None:
    texts = []
    for line in DEVSET.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts.append(f"{record.get('offers') or ''} {record.get('seeks') or ''}".lower())
    corpus = "\n".join(texts)
    copied = sorted(
        gloss
        for gloss in all_glosses()
        if " " in gloss and re.search(rf"\b{re.escape(gloss.lower())}\b", corpus)
    )
    assert copied == []


def test_former_fitted_glosses_and_mistranslations_are_gone() -> None:
    assert glosses("молодёжь", "ru") == []  # was "juvenile seed stock"
    assert glosses("стадия", "ru") == []  # was "herd"
    assert glosses("рисопосадочные машины", "ru") != ["rice transplanters"]
    assert "rice transplanters" not in all_glosses()


def test_the_glossary_modules_read_no_evaluation_data() -> None:
    for module in (core_glossary, matchmaking_glossary_module):
        source = inspect.getsource(module)
        assert "devset" not in source
        assert "tests/data" not in source
        assert "pairs.jsonl" not in source


def test_profiles_are_embedded_as_written_by_default() -> None:
    """The tune split chose no glossary (docs/matchmaking.md): the index prepares nothing."""
    from tandem.core.embedding.testing import HashingEmbedder
    from tandem.matchmaking.matching.index import ProfileIndex

    assert ProfileIndex(HashingEmbedder(16)).prepare is None
