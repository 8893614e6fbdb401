"""Search text that crosses languages, and the query that reads it.

A record's search text is its own words (lower case), then ``SEPARATOR``, then its
cross-language keys: each Cyrillic or kana word romanised, each word's sound key marked
with ``KEY_MARK`` ("§hbrbsk" for Khabarovsk, Хабаровск and ハバロフスク alike), and the
names in every language of the places, organisations and people the text names (the
gazetteer). A query word matches its own spelling or any of its alternatives; the records
that hold every word in their own words come first (``exact_rank``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import StrIndex
from django.db.models.lookups import Exact, GreaterThan, LessThan

from tandem.core.crosslingual.gazetteer import Gazetteer, search_gazetteer
from tandem.core.crosslingual.names import administrative_equivalents
from tandem.core.crosslingual.transliteration import is_latin, romanise, sound_key, tokens

SEPARATOR = " \u241e "
KEY_MARK = "§"
MIN_KEY = 2
MIN_QUERY_KEY = 3  # consonants; a shorter key (Altai: "rt") must be a whole key


def search_keys(text: str, gazetteer: Gazetteer | None = None) -> str:
    """The cross-language keys of ``text`` (see the module's docstring)."""
    text = text.casefold()
    keys: dict[str, None] = {}
    for token in dict.fromkeys(tokens(text)):
        keys.update(dict.fromkeys(_token_keys(token)))
    for entry in (gazetteer or search_gazetteer()).found_in(text):
        keys.update(dict.fromkeys(entry.names))
    return " ".join(keys) + " "


@lru_cache(maxsize=65536)
def _token_keys(token: str) -> tuple[str, ...]:
    """A word's keys: its romanised form (when not Latin) and its sound key. Words repeat
    across a registry's texts (an import of thousands of descriptions), so they are kept."""
    keys = [] if is_latin(token) else [romanise(token)]
    if len(key := sound_key(token)) >= MIN_KEY:
        keys.append(KEY_MARK + key)
    return tuple(keys)


def with_keys(text: str, gazetteer: Gazetteer | None = None) -> str:
    """``text`` in lower case followed by its cross-language keys: what search reads."""
    own = text.casefold()
    own = own.split(SEPARATOR, 1)[0]
    return own + SEPARATOR + search_keys(own, gazetteer)


def alternatives(word: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """What a query word (lower case) may be found as in a record's search text."""
    found = {word: None}
    if not is_latin(word):
        found[romanise(word)] = None
    if len(key := sound_key(word)) >= MIN_QUERY_KEY:
        found[KEY_MARK + key] = None
    elif len(key) == MIN_KEY and len(word) >= 4:
        found[KEY_MARK + key + " "] = None
    found.update(dict.fromkeys(administrative_equivalents(word)))
    found.update(dict.fromkeys(sorted((gazetteer or search_gazetteer()).equivalents(word))))
    return [alternative for alternative in found if alternative]


WORD_BREAKS = re.compile("[\u241e\u30fb\u2013\u2014()-]")
STOPWORDS = frozenset({"of", "the", "and", "и", "в", "на"})


def query_words(query: str) -> list[str]:
    """The words a record must hold; "of", "the", "и", "в"… only when nothing else is asked."""
    words = [w for w in WORD_BREAKS.sub(" ", query.casefold()).split() if w]
    return [word for word in words if word not in STOPWORDS] or words


def search_condition(field: str, query: str) -> Q:
    """Every word of ``query`` in ``field`` (a search text), in any of its forms."""
    gazetteer = search_gazetteer()
    condition = Q()
    for word in query_words(query):
        either = Q()
        for alternative in alternatives(word, gazetteer):
            either |= Q(**{f"{field}__contains": alternative})
        condition &= either
    return condition


def exact_condition(field: str, query: str) -> Q:
    """Every word of ``query`` is in the record's own words, before its keys (a search text
    from before the keys existed counts as its own words)."""
    separator = StrIndex(F(field), Value(SEPARATOR))
    exact = Q()
    for word in query_words(query):
        position = StrIndex(F(field), Value(word))
        exact &= Q(GreaterThan(position, 0)) & (
            Q(Exact(separator, 0)) | Q(LessThan(position, separator))
        )
    return exact


def exact_rank(field: str, query: str) -> Case:
    """0 where every word of ``query`` is in the record's own words, 1 where some are found
    only across languages: order by it to put the query language's matches first."""
    return Case(
        When(exact_condition(field, query), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


def entries_matching(kind: str, query: str) -> set[int]:
    """The primary keys of the gazetteer's ``kind`` entries (organisation, person, region)
    whose names in some language hold every word of ``query`` in one of its forms."""
    gazetteer = search_gazetteer()
    words = [alternatives(word, gazetteer) for word in query_words(query)]
    if not words:
        return set()
    return {
        entry.pk
        for index, entry in enumerate(gazetteer.entries)
        if entry.kind == kind
        and all(any(form in gazetteer.entry_text(index) for form in forms) for forms in words)
    }


def text_alternatives(query: str) -> list[str]:
    """The forms of a whole query worth looking for in plain text (no keys): its own, its
    romanisation and the names of what it names in the other languages."""
    gazetteer = search_gazetteer()
    query = " ".join(query_words(query))
    forms = {query: None}
    if not is_latin(query):
        forms[romanise(query)] = None
    forms.update(dict.fromkeys(sorted(gazetteer.equivalents(query))))
    return [form for form in forms if len(form) >= 2]
