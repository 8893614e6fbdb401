"""Which writing system a text uses: the one place that names the Unicode ranges.

Pure Python (no Django), so that the pure algorithm packages (press extraction, the matcher)
use it too. The ``*_RANGE`` strings are character-class bodies for composing larger patterns
(``rf"[{KATAKANA_RANGE}{HAN_RANGE}]"``); the compiled patterns find one character.
"""

from __future__ import annotations

import re

#: Hiragana and katakana (U+3040-U+30FF, with the prolonged sound mark and the middle dot).
KANA_RANGE = "\u3040-\u30ff"
#: Katakana alone (U+30A0-U+30FF).
KATAKANA_RANGE = "\u30a0-\u30ff"
#: CJK unified ideographs (kanji): U+4E00-U+9FFF.
HAN_RANGE = "\u4e00-\u9fff"
#: The Cyrillic block (U+0400-U+04FF).
CYRILLIC_RANGE = "\u0400-\u04ff"

KANA = re.compile(f"[{KANA_RANGE}]")
HAN = re.compile(f"[{HAN_RANGE}]")
#: Japanese writing: kana or kanji.
JAPANESE = re.compile(f"[{KANA_RANGE}{HAN_RANGE}]")
CYRILLIC = re.compile(f"[{CYRILLIC_RANGE}]")
#: The 33 letters of the Russian alphabet, either case (narrower than :data:`CYRILLIC`).
RUSSIAN_LETTER = re.compile("[а-яё]", re.IGNORECASE)


def has_japanese(text: str) -> bool:
    """Whether ``text`` holds a kana or a kanji."""
    return JAPANESE.search(text) is not None


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic letter."""
    return CYRILLIC.search(text) is not None
