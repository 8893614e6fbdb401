"""Split an offers/seeks text into phrases for phrase-level matching and explanations.

The result holds each sentence (or clause) and, when it enumerates several things, each item:
"CNC lathes, machining centres and retrofit" gives the whole clause plus "CNC lathes",
"machining centres", "retrofit". Japanese is split on 。！？ (sentences), 、／ and
listing particles (と, や, および, 及び, ならびに, または) between nouns; Russian and English on
sentence punctuation, commas, colons, semicolons and the conjunctions и/или/а также,
and/or/as well as. Text inside brackets becomes its own phrase too.
"""

from __future__ import annotations

import re

from tandem.core.text.scripts import HAN_RANGE, JAPANESE, KATAKANA_RANGE

MAX_PHRASES = 16

_SENTENCE_RE = re.compile(r"(?<=[。！？!?；;])|\n+|(?<=[^\s.]{3}\.)\s+(?=\S)")
_CLAUSE_RE = re.compile(r"\s*[:：;；]\s*|\s+[—–-]\s+")
_BRACKET_RE = re.compile(r"[（(「『\[]([^（()）「」『』\[\]]{2,})[)）」』\]]")
_ITEM_SPLIT = {
    "ja": re.compile(
        r"[、，,／/]"
        rf"|(?<=[{HAN_RANGE}{KATAKANA_RANGE}A-Za-z0-9ー])(?:と|や|および|及び|ならびに|または|又は)"
        rf"(?=[{HAN_RANGE}{KATAKANA_RANGE}A-Za-z0-9])"
    ),
    "ru": re.compile(r"\s*,\s*|\s+(?:и|или|а также|также)\s+|\s*/\s*", re.IGNORECASE),
    "en": re.compile(r"\s*,\s*|\s+(?:and|or|as well as|plus)\s+|\s*/\s*", re.IGNORECASE),
}
_TRIM = " \t\r\n.,;:、。・，．！？!?-—–\"'«»「」『』()（）[]"
_FILLER = {
    "etc",
    "и т.д",
    "и др",
    "など",
    "等",
    "we",
    "our",
    "мы",
    "наш",
    "and",
    "или",
}


_JA_TRAILING_RE = re.compile(r"(?:と|や|および|及び|ならびに|または|又は)$")
_SPACES_RE = re.compile(r"\s+")


def _clean(fragment: str) -> str:
    fragment = _SPACES_RE.sub(" ", fragment).strip(_TRIM)
    return _JA_TRAILING_RE.sub("", fragment).strip(_TRIM)


def _long_enough(fragment: str, *, item: bool) -> bool:
    if fragment.lower() in _FILLER:
        return False
    if JAPANESE.search(fragment):
        return len(fragment) >= 2
    needed = 5 if item else 3  # letters, counted only until there are enough
    for ch in fragment:
        if ch.isalpha():
            needed -= 1
            if not needed:
                return True
    return False


def _item_pattern(language: str, clause: str) -> re.Pattern[str]:
    if JAPANESE.search(clause):
        return _ITEM_SPLIT["ja"]
    return _ITEM_SPLIT.get(language if language != "ja" else "en", _ITEM_SPLIT["en"])


def split_phrases(text: str, language: str, *, max_phrases: int = MAX_PHRASES) -> list[str]:
    """Phrases of ``text`` in reading order, de-duplicated, at most ``max_phrases``.

    Sentences and clauses come first (they carry context), then enumerated items.
    """
    text = text.strip()
    if not text:
        return []
    clauses: list[str] = []
    items: list[str] = []
    for sentence in _SENTENCE_RE.split(text):
        sentence = _clean(sentence)
        if not sentence:
            continue
        for bracketed in _BRACKET_RE.findall(sentence):
            items.append(bracketed)
        for clause in _CLAUSE_RE.split(sentence):
            clause = _clean(clause)
            if not clause:
                continue
            clauses.append(clause)
            unbracketed = _BRACKET_RE.sub(" ", clause)
            parts = [_clean(p) for p in _item_pattern(language, clause).split(unbracketed)]
            parts = [p for p in parts if p]
            if len(parts) > 1:
                items.extend(parts)
    seen: set[str] = set()
    out: list[str] = []
    tagged = [(c, False) for c in clauses] + [(i, True) for i in items]
    for fragment, is_item in tagged:
        fragment = _clean(fragment)
        key = fragment.lower()
        if key in seen or not _long_enough(fragment, item=is_item):
            continue
        seen.add(key)
        out.append(fragment)
        if len(out) >= max_phrases:
            break
    return out
