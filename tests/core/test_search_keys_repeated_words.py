"""The cross-language keys of a text are worked out once per word (issue 25: an IATI import
of thousands of long descriptions spent seconds romanising the same words again), and are the
same keys, in the same order, as word by word."""

from __future__ import annotations

import pytest

from tandem.core.crosslingual import search
from tandem.core.crosslingual.gazetteer import Gazetteer
from tandem.core.crosslingual.transliteration import is_latin, romanise, sound_key, tokens

pytestmark = pytest.mark.unit

TEXT = (
    "Khabarovsk port logistics; Хабаровск порт логистика; ハバロフスク港 ロジスティクス. "
    "Port of Khabarovsk again: порт Хабаровск, ハバロフスク, logistics and LOGISTICS."
)


def _word_by_word(text: str) -> str:
    """The keys as search_keys made them before (every word, repeats included)."""
    keys: dict[str, None] = {}
    for token in tokens(text.casefold()):
        if not is_latin(token):
            keys[romanise(token)] = None
        if len(key := sound_key(token)) >= search.MIN_KEY:
            keys[search.KEY_MARK + key] = None
    return " ".join(keys) + " "


def test_the_keys_are_the_same_as_word_by_word() -> None:
    assert search.search_keys(TEXT, Gazetteer()) == _word_by_word(TEXT)


def test_a_repeated_word_is_worked_out_once() -> None:
    search._token_keys.cache_clear()
    search.search_keys(TEXT, Gazetteer())
    info = search._token_keys.cache_info()
    assert info.misses == len(set(tokens(TEXT.casefold())))
    search.search_keys(TEXT, Gazetteer())
    assert search._token_keys.cache_info().misses == info.misses  # all from the cache
