"""Russian: people, organisations and places from natasha's NER, normalised with pymorphy3;
titles before names; figures with number words and their qualifiers (pure Python)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from tandem.press.extraction.context import Context, add_name, add_person
from tandem.press.extraction.facts import FigureFact, NameFact, PersonFact
from tandem.press.extraction.gazetteer import COUNTRY_NAMES
from tandem.press.extraction.numbers import QUALIFIERS, RU_SUBJECTS, RU_UNITS, ru_number

ROLE_HEAD = re.compile(
    r"(?:перв\w+\s+)?(?:заместител\w+\s+|вице-)?(?:министр\w*|губернатор\w*|глав[аеуы]|президент\w*"
    r"|председател\w*|премьер-министр\w*|посл[ау]?|мэр\w*|директор\w*|руководител\w*|замминистра"
    r"|мэр\w*|вице-премьер\w*)",
    re.IGNORECASE,
)
COUNTRY_IN_ROLE = [
    (re.compile(r"Росси|российск", re.IGNORECASE), "RU"),
    (re.compile(r"Япони|японск", re.IGNORECASE), "JP"),
]
TOKEN = re.compile(r"\d+(?:[ ,]\d{3})*(?![\w-])|[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*|[^\s\w]")
# A name in quotes is an organisation's where a word for a kind of organisation comes just
# before it (компания «Северный порт», банк «Открытие»); alone, quotes name as often a
# newspaper, a film, a ship or a project («Сахалин-2»).
QUOTED = re.compile(
    r"(?<![\w-])(?:компани|корпораци|концерн|холдинг|групп[аеыу]\s+компаний|банк|фонд|агентств"
    r"|завод|комбинат|предприяти|объединени|ассоциаци|союз|парти|движени|издательств|авиакомпани"
    r"|госкомпани|фирм|организаци)\w*\s+«(?P<name>[А-ЯЁA-Z][^«»]{1,30})»",
    re.IGNORECASE,
)
# A name in quotes after a Russian legal form is a company's whole name (ПАО «Роснефть»,
# ОАО «Хабаровский аэропорт»; the forms of the Civil Code and of state bodies).
LEGAL_FORM = re.compile(
    r"(?<![\w-])(?P<name>(?:ПАО|ОАО|АО|ООО|ЗАО|НАО|ФГУП|ФГБУ|ГУП|МУП|АНО|НКО|ГК|госкорпораци\w+)"
    r"\s+«[^«»]{1,40}»)"
)
NUMBER_OF = re.compile(
    r"числ\w+\s+(?P<noun>(?:[а-яё]+\s+){0,2}?[а-яё]+)\s+[^.]{0,40}?"
    r"(?P<verb>превысил\w*|достигл\w*|достиг|составил\w*)\s+"
    r"(?:(?P<qual>более|свыше|около|почти|порядка)\s+)?(?P<num>\d+)",
    re.IGNORECASE,
)
QUALIFIER_WORDS = {
    word: qualifier
    for pattern, qualifier in QUALIFIERS["ru"]
    for word in pattern.split("|")
    if " " not in word
}


@cache
def _nlp() -> tuple[Any, Any, Any]:
    from natasha import (  # type: ignore[import-untyped]
        NewsEmbedding,
        NewsNERTagger,
        Segmenter,
    )

    return Segmenter(), NewsNERTagger(NewsEmbedding()), None


@cache
def morph() -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of ``word``, kept once per process (an article asks for the same
    word's readings several times: names, tense, number words)."""
    return tuple(morph().parse(word))


@lru_cache(maxsize=8)
def ner_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    from natasha import Doc

    segmenter, tagger, _ = _nlp()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    spans = []
    for span in doc.spans:
        # a span never runs over a line end (a dateline is not part of a headline's name)
        piece = text[span.start : span.stop]
        offset = span.start
        for part in piece.split("\n"):
            if part.strip():
                spans.append((span.type, offset, offset + len(part)))
            offset += len(part) + 1
    return tuple(spans)


def normal_name(words: str) -> str:
    """A person's name in the nominative (Максимом Орешкиным → Максим Орешкин)."""
    out = []
    for word in words.split():
        parses = readings(word)
        chosen = next(
            (
                p
                for p in parses
                if {"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))
            ),
            None,
        )
        if chosen is None:
            out.append(word)
            continue
        nominative = chosen.inflect({"nomn"})
        form = nominative.word if nominative else word
        out.append(form[:1].upper() + form[1:])
    return " ".join(out)


def is_future(sentence: str, at: int) -> bool:
    best: tuple[int, Any] | None = None
    for m in TOKEN.finditer(sentence):
        if not m.group(0).isalpha():
            continue
        parse = readings(m.group(0))[0]
        if parse.tag.POS not in ("VERB", "PRTF", "PRTS"):
            continue
        distance = abs(m.start() - at)
        if best is None or distance < best[0]:
            best = (distance, parse)
    return bool(best and best[1].tag.POS == "VERB" and "futr" in best[1].tag)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _role_before(ctx: Context, start: int) -> tuple[str, int] | None:
    s_start, _ = ctx.sentence_of(start)
    window_start = max(s_start, start - 90)
    window = ctx.text[window_start:start]
    heads = list(ROLE_HEAD.finditer(window))
    if not heads:
        return None
    head = heads[-1]
    role = window[head.start() :].strip()
    if not role or len(role) > 80 or re.search(r"[«»—;:]", role):
        return None
    if not role.startswith(head.group(0)) or (window[head.end() :].strip() == "" and len(role) < 3):
        return None
    return role, window_start + head.start()


def _country(ctx: Context, role: str | None) -> str | None:
    if not role:
        return None
    for pattern, country in COUNTRY_IN_ROLE:
        if pattern.search(role):
            return country
    for match in ctx.gazetteer.find(role, "ru"):
        if match.entry.country and match.entry.kind in ("place", "organisation"):
            return match.entry.country
    return None


def people(ctx: Context) -> list[PersonFact]:
    found: list[PersonFact] = []
    for match in ctx.matches_of("person"):
        role_at = _role_before(ctx, match.start)
        role = role_at[0] if role_at else None
        if role_at:
            ctx.role_spans.append((role_at[1], match.start))
        add_person(
            found,
            PersonFact(
                match.entry.name_in("ru"),
                role,
                _country(ctx, role) or match.entry.country,
                match.entry.key,
                [(match.start, match.end)],
            ),
        )
    known = [(m.start, m.end) for m in ctx.matches]
    for kind, start, end in ner_spans(ctx.text):
        if kind != "PER" or start < ctx.start or _overlaps(known, start, end):
            continue
        role_at = _role_before(ctx, start)
        role = role_at[0] if role_at else None
        if role_at:
            ctx.role_spans.append((role_at[1], start))
        name = normal_name(ctx.text[start:end])
        add_person(found, PersonFact(name, role, _country(ctx, role), None, [(start, end)]))
    return found


def organisations(ctx: Context) -> list[NameFact]:
    found: list[NameFact] = []
    for match in ctx.matches_of("organisation"):
        add_name(
            found, NameFact(match.entry.name_in("ru"), match.entry.key, [(match.start, match.end)])
        )
    known = [(m.start, m.end) for m in ctx.matches]
    for kind, start, end in ner_spans(ctx.text):
        if kind != "ORG" or start < ctx.start or _overlaps(known, start, end):
            continue
        if ctx.masked(start, end) or ctx.in_title(start, end, None):
            continue
        name = ctx.text[start:end]
        if name.casefold() in COUNTRY_NAMES:
            continue
        if any(
            n.spans and any(s <= start < e or start <= s < end for s, e in n.spans) for n in found
        ):
            continue
        add_name(found, NameFact(name, None, [(start, end)]))
    # a known place inside a longer quoted name is part of it («Хабаровский аэропорт»)
    blocking = [(m.start, m.end) for m in ctx.matches if m.entry.kind != "place"]
    legal = list(LEGAL_FORM.finditer(ctx.text, ctx.start))
    for m in legal:  # the whole name wins over a part the model found (Северный порт)
        start, end = m.span("name")
        found[:] = [n for n in found if not all(start <= s and e <= end for s, e in n.spans)]
    quoted = [*legal, *QUOTED.finditer(ctx.text, ctx.start)]
    for m in quoted:
        start, end = m.span("name")
        name = m["name"]
        if len(name.split()) > 5 or _overlaps(blocking, start, end):
            continue
        if any(any(s < end and start < e for s, e in n.spans) for n in found):
            continue
        add_name(found, NameFact(name, None, [(start, end)]))
    return found


def places(ctx: Context, people_found: list[PersonFact], orgs: list[NameFact]) -> list[NameFact]:
    found: list[NameFact] = []
    rows: list[PersonFact | NameFact] = [*people_found, *orgs]
    taken = [span for row in rows for span in row.spans]
    for match in ctx.matches_of("place"):
        if ctx.in_title(match.start, match.end, match.entry.key):
            continue
        if _overlaps(taken, match.start, match.end):
            continue
        add_name(
            found, NameFact(match.entry.name_in("ru"), match.entry.key, [(match.start, match.end)])
        )
    known = [(m.start, m.end) for m in ctx.matches]
    for kind, start, end in ner_spans(ctx.text):
        if kind != "LOC" or start < ctx.start or _overlaps(known + taken, start, end):
            continue
        if ctx.in_title(start, end, None):
            continue
        name = ctx.text[start:end]
        lemma = " ".join(readings(w)[0].normal_form for w in name.split())
        country = lemma.casefold() in COUNTRY_NAMES or name.casefold() in COUNTRY_NAMES
        if country and not ctx.mentions:
            continue
        if ctx.dateline and ctx.dateline[0] <= start < ctx.dateline[1]:
            name = name.title()
        add_name(found, NameFact(name, None, [(start, end)]))
    return found


def _subject_after(tokens: list[tuple[int, int, str]], index: int) -> tuple[str | None, int]:
    """The counted noun within three words after the number, and where it ends."""
    new = False
    for j in range(index + 1, min(index + 5, len(tokens))):
        word = tokens[j][2]
        if not word.isalpha():
            return None, 0
        parse = readings(word)[0]
        lemma = parse.normal_form.replace("ё", "е")
        if parse.tag.POS in ("ADJF", "PRTF"):
            new = new or lemma == "новый"
            continue
        if parse.tag.POS == "NOUN" or lemma in RU_SUBJECTS:
            for candidate in (parse.normal_form, lemma):
                if candidate in RU_SUBJECTS:
                    subject = RU_SUBJECTS[candidate]
                    if subject == "joint projects" and new:
                        subject = "new joint projects"
                    return subject, tokens[j][1]
            return None, 0
        return None, 0
    return None, 0


def figures(ctx: Context) -> list[FigureFact]:
    from tandem.press.extraction.english import set_scope

    found: list[FigureFact] = []
    text = ctx.text
    tokens = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text, ctx.start)]
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        value = None
        last = i
        if re.fullmatch(r"\d+(?:[ ,]\d{3})*", word):
            value = int(re.sub(r"[ ,]", "", word))
        else:
            lemmas = []
            j = i
            while j < len(tokens) and tokens[j][2].isalpha():
                lemma = readings(tokens[j][2].lower())[0].normal_form
                if lemma not in RU_UNITS:
                    break
                lemmas.append(lemma)
                j += 1
            if lemmas:
                value = ru_number(lemmas)
                last = j - 1
        if value is None or ctx.masked(start, end):
            i += 1
            continue
        subject, subject_end = _subject_after(tokens, last)
        if subject == "plan points":
            before = text[max(0, start - 20) : start].lower()
            subject = subject if re.search(r"план\w*\s+из\s*$", before) else None
        if subject:
            qualifier = None
            if i > 0:
                previous = tokens[i - 1][2].lower()
                qualifier = QUALIFIER_WORDS.get(previous)
                if i > 1 and f"{tokens[i - 2][2].lower()} {previous}" in (
                    "не менее",
                    "как минимум",
                ):
                    qualifier = "at least"
            q_start = tokens[i - 1][0] if qualifier else start
            found.append(FigureFact(subject, value, qualifier, spans=[(q_start, subject_end)]))
        i = last + 1
    for m in NUMBER_OF.finditer(text, ctx.start):
        words = m.group(0).split()[1:4]
        lemmas = [readings(word)[0].normal_form for word in words]
        subject = next((RU_SUBJECTS[lemma] for lemma in lemmas if lemma in RU_SUBJECTS), None)
        if not subject:
            continue
        qualifier = "more than" if m["verb"].lower().startswith("превысил") else None
        qualifier = QUALIFIER_WORDS.get((m["qual"] or "").lower(), qualifier)
        found.append(FigureFact(subject, int(m["num"]), qualifier, spans=[m.span()]))
    for figure in found:
        set_scope(ctx, figure, re.compile(r"в регионе|в области|в крае", re.IGNORECASE))
    return found
