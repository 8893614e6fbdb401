"""Small structured signals added on top of text similarity.

* Industry: codes are ISIC Rev.4 divisions (``"C28"``; ``"28"`` or ``"C28.4"`` also accepted).
  Two companies are *compatible* when one's division commonly supplies the other's (machinery
  makers and manufacturers, producers and wholesalers, carriers and shippers...). Sameness is
  deliberately not rewarded: two makers of the same thing are competitors.
* Region: Russia's Far East and Japan's Hokkaido/Tohoku/Sea-of-Japan coast trade directly by
  sea; a pair from these two areas gets a small bonus.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ISIC Rev.4: division number -> section letter
_SECTIONS = (
    ("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
    ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
    ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
    ("S", 94, 96),
)  # fmt: skip
_CODE_RE = re.compile(r"^\s*([A-Za-z])?\s*(\d{2})")

_EQUIPMENT = {"C25", "C26", "C27", "C28", "C29", "C30", "C32", "C33"}
_MATERIALS = {"A01", "A02", "A03", "C10", "C11", "C13", "C16", "C17", "C20", "C21", "C22", "C24"}
# (supplier side, customer side); sets hold section letters and/or divisions
_RULES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a), frozenset(b))
    for a, b in (
        (_EQUIPMENT, {"A", "B", "C", "D", "E", "F", "H", "Q"}),
        (_MATERIALS, {"C", "D35", "F"}),
        ({"A", "B", "C"}, {"G"}),
        ({"H"}, {"A", "B", "C", "G", "H"}),
        ({"J62", "J63", "J59"}, {"C", "G", "H", "J", "Q", "N"}),
        ({"M"}, {"A", "C", "G", "Q"}),
        ({"N79"}, {"N79", "I", "Q86"}),
        ({"Q86", "Q87"}, {"C21", "C32", "N79", "Q"}),
        ({"P85"}, {"P85", "M", "C", "J", "Q"}),
        ({"D35"}, {"B", "C16", "F"}),
    )
)


@lru_cache(maxsize=4096)
def normalise_industry(code: str | None) -> str | None:
    """``"c28.4"`` -> ``"C28"``; unknown shapes give ``None``."""
    if not code:
        return None
    match = _CODE_RE.match(code)
    if not match:
        return None
    number = int(match.group(2))
    for letter, low, high in _SECTIONS:
        if low <= number <= high:
            return f"{letter}{number:02d}"
    return None


def _tags(code: str) -> set[str]:
    return {code, code[0]}


@lru_cache(maxsize=65536)
def industries_compatible(a: str | None, b: str | None) -> bool:
    """True when the two (normalisable) ISIC divisions form a supplier/customer pair."""
    na, nb = normalise_industry(a), normalise_industry(b)
    if na is None or nb is None:
        return False
    ta, tb = _tags(na), _tags(nb)
    for supplier, customer in _RULES:
        if (ta & supplier and tb & customer) or (tb & supplier and ta & customer):
            return True
    return False


_NEAR_REGIONS = {
    # Russian Far East
    "primorsky": ("primorsky krai", "primorye", "vladivostok", "nakhodka", "приморский край",
                  "приморье", "владивосток", "находка"),
    "khabarovsk": ("khabarovsk krai", "khabarovsk", "хабаровский край", "хабаровск"),
    "sakhalin": ("sakhalin oblast", "sakhalin", "сахалинская область", "сахалин"),
    "kamchatka": ("kamchatka krai", "kamchatka", "камчатский край", "камчатка"),
    "amur": ("amur oblast", "amur", "амурская область"),
    "magadan": ("magadan oblast", "magadan", "магаданская область"),
    "sakha": ("sakha republic", "yakutia", "sakha", "республика саха (якутия)", "якутия"),
    # Japan, Sea of Japan coast and the north
    "hokkaido": ("hokkaido", "北海道"),
    "aomori": ("aomori", "青森県", "青森"),
    "akita": ("akita", "秋田県", "秋田"),
    "yamagata": ("yamagata", "山形県", "山形"),
    "niigata": ("niigata", "新潟県", "新潟"),
    "toyama": ("toyama", "富山県", "富山"),
    "ishikawa": ("ishikawa", "石川県", "石川"),
    "fukui": ("fukui", "福井県", "福井"),
    "tottori": ("tottori", "鳥取県", "鳥取"),
    "shimane": ("shimane", "島根県", "島根"),
}  # fmt: skip
_RU_FAR_EAST = {"primorsky", "khabarovsk", "sakhalin", "kamchatka", "amur", "magadan", "sakha"}
_ALIAS = {alias: key for key, aliases in _NEAR_REGIONS.items() for alias in aliases}


@lru_cache(maxsize=4096)
def region_key(region: str | None) -> str | None:
    """Canonical key of a region that takes part in the sea-trade bonus, else ``None``."""
    if not region:
        return None
    text = region.strip().lower()
    if text in _ALIAS:
        return _ALIAS[text]
    text = re.sub(r"\s*(prefecture|県)$", "", text)
    return _ALIAS.get(text)


def regions_near(a: str | None, b: str | None) -> bool:
    """True when one region is in the Russian Far East and the other on Japan's side."""
    ka, kb = region_key(a), region_key(b)
    if ka is None or kb is None:
        return False
    return (ka in _RU_FAR_EAST) != (kb in _RU_FAR_EAST)
