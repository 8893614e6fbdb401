"""The headline rule: a name the headline alone gives is no fact (pure Python).

Headlines compress and play on words ("Bear hugs Tiger", "Moscow's Far East gamble"); a
person, organisation or place is taken from the headline only when the body names it too: a
mention found in the body, or the name itself written there (for Russian, its stem, since the
body may decline it: «Газпрома» supports «Газпром»).
"""

from __future__ import annotations

import re
from typing import TypeVar

from tandem.core.text.scripts import JAPANESE, RUSSIAN_LETTER
from tandem.press.extraction.facts import NameFact, PersonFact

Row = TypeVar("Row", PersonFact, NameFact)
# A first line that is a sentence or a paragraph (ends with a full stop, holds one inside, or
# runs long) opens the body: it is no headline.
SENTENCE_INSIDE = re.compile(r"[。！？]|[.!?][\"»”']?\s+[A-ZА-ЯЁ]|[.!?。]\s*$")


def is_headline(line: str) -> bool:
    line = line.strip()
    longest = 60 if JAPANESE.search(line) else 150
    return 0 < len(line) <= longest and not SENTENCE_INSIDE.search(line)


def body_supports(name: str, body: str) -> bool:
    folded, text = name.casefold(), body.casefold()
    if folded in text:
        return True
    if RUSSIAN_LETTER.search(folded):
        words = [w[:-2] if len(w) > 4 else w for w in re.findall(r"\w+", folded)]
        return bool(words) and all(w in text for w in words)
    return False


def supported_by_body(rows: list[Row], headline: tuple[int, int], text: str) -> list[Row]:
    """The rows found outside the headline, or whose name the body writes."""
    start, end = headline
    if end <= start or not is_headline(text[start:end]):
        return rows
    body = text[end:]
    if not body.strip():
        return rows  # nothing but a headline: nothing to check it against
    kept = []
    for row in rows:
        in_headline = bool(row.spans) and all(start <= s and e <= end for s, e in row.spans)
        if not in_headline or body_supports(row.name, body):
            kept.append(row)
    return kept
