"""Events in an article: committee sessions with their number, trade fairs, signings, visits."""

from __future__ import annotations

import datetime as dt
import re

from tandem.core.text.scripts import HAN_RANGE, KATAKANA_RANGE
from tandem.press.extraction.context import Context
from tandem.press.extraction.countries import COUNTRIES, countries_as_places
from tandem.press.extraction.dates import FoundDate
from tandem.press.extraction.event_words import named_events, triggers
from tandem.press.extraction.facts import EventFact
from tandem.press.extraction.gazetteer import COUNTRY_NAMES
from tandem.press.extraction.numbers import ja_number

EN_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
RU_ORDINALS = {
    stem: i + 1
    for i, stem in enumerate(
        [
            "перв",
            "втор",
            "трет",
            "четвёрт",
            "пят",
            "шест",
            "седьм",
            "восьм",
            "девят",
            "десят",
            "одиннадцат",
            "двенадцат",
            "тринадцат",
            "четырнадцат",
            "пятнадцат",
            "шестнадцат",
            "семнадцат",
            "восемнадцат",
            "девятнадцат",
            "двадцат",
        ]
    )
}

# A relative clause: what follows it tells of another event ("…, which was signed in 2016").
RELATIVE_CLAUSE = re.compile(r"(?<!\w)(?:котор\w+|which|who)(?!\w)", re.IGNORECASE)
# A sentence that opens by pointing back at the previous one's event.
REFERS_BACK = {
    "en": re.compile(
        r"\s*(?:During|In the course of|At|On the sidelines of)\s+(?:the|this|that)\s"
    ),
    "ja": re.compile(r"\s*(?:この|その|同)(?:訪問|会談|会合|会議|フォーラム|機会|際|中)"),
    "ru": re.compile(
        r"\s*(?:В\s+ходе|Во\s+время|В\s+рамках|На\s+полях)\s+(?:этого|этой|того|той|визита|"
        r"переговоров|встречи|форума|поездки)",
        re.IGNORECASE,
    ),
}
# What may follow a sentence's own predicate up to its end: verb endings and the full stop.
JA_FINAL = re.compile(r"[\u3041-\u3093]{0,8}[。．.]?\s*")
# How many characters farther a name only the rules or a model took for a place may stand
# and still win over a known place.
UNKNOWN_PLACE_WEIGHT = 20
COUNTRY_PLACE_NAMES = {name.casefold() for rows in COUNTRIES.values() for _p, name in rows}

SESSION = {
    "en": re.compile(
        r"\b(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<word>"
        + "|".join(EN_ORDINALS)
        + r"))\s+(?:(?:plenary|regular|annual)\s+)?(?:committee\s+)?session\b"
        r"|\bcommittee(?:'s)?\s+session\b|\bsession\s+of\s+the\s+(?:[\w–-]+\s+){0,3}committee\b",
        re.IGNORECASE,
    ),
    "ja": re.compile(
        r"第(?P<num>\d{1,2}|[一二三四五六七八九十]+)回(?:の)?(?:会合|会議|政府間委員会|委員会|総会)"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:(?P<num>\d{1,2})-(?:е|го|м|му|й|ое|ого|ом)|(?P<word>(?:"
        + "|".join(sorted(RU_ORDINALS, key=len, reverse=True))
        + r")\w*))\s+заседани\w*"
        r"|заседани\w+\s+(?:межправкомисси\w*|межправительственн\w+\s+комисси\w*)",
        re.IGNORECASE,
    ),
}
TRIGGERS = {
    "en": {
        "signing": re.compile(r"\bsign(?:s|ed|ing)?\b|\bsignature\b", re.IGNORECASE),
        "visit": re.compile(
            r"\bvisit(?:s|ed|ing)?\b|\barriv(?:e|es|ed|ing)\b|\btrip\s+to\b", re.IGNORECASE
        ),
    },
    "ja": {
        "signing": re.compile(r"署名|調印|締結"),
        "visit": re.compile(r"訪問|訪れ|来日|訪日|訪露|到着"),
    },
    "ru": {
        "signing": re.compile(r"(?<!\w)подпис(?:а|ы|ан)\w*", re.IGNORECASE),
        "visit": re.compile(
            r"(?<!\w)(?:посет\w*|посещ\w*|визит\w*|прибы\w*|прибуд\w*|прил[её]т\w*)", re.IGNORECASE
        ),
    },
}


def _number(m: re.Match[str], language: str) -> int | None:
    groups = m.groupdict()
    if groups.get("num"):
        value = ja_number(groups["num"]) if language == "ja" else int(groups["num"])
        return value
    if groups.get("word"):
        word = groups["word"].lower()
        if language == "en":
            return EN_ORDINALS.get(word)
        for stem, value in sorted(RU_ORDINALS.items(), key=lambda kv: -len(kv[0])):
            if word.startswith(stem):
                return value
    return None


def _date_for(ctx: Context, start: int, end: int) -> FoundDate | None:
    """The date stated nearest to the mention in its sentence (Japanese: before it first);
    a full date wins over a month named farther away."""
    s_start, s_end = ctx.sentence_of(start)
    candidates = [
        d
        for d in ctx.dates
        if s_start <= d.start < s_end
        and d.date is not None
        and not (ctx.dateline and ctx.dateline[0] <= d.start < ctx.dateline[1])
    ]
    if ctx.language != "ja":  # not a date inside a relative clause after the mention
        candidates = [
            d
            for d in candidates
            if not (end <= d.start and RELATIVE_CLAUSE.search(ctx.text, end, d.start))
        ]
    if not candidates:
        return None
    if ctx.language == "ja":
        before = [d for d in candidates if d.end <= start]
        if before:
            return max(before, key=lambda d: d.end)
    return min(candidates, key=lambda d: min(abs(d.start - end), abs(start - d.end)))


def _place_for(ctx: Context, start: int) -> str | None:
    """The place named nearest to the mention in its sentence. Known places (the gazetteer's,
    outside people's and organisations' names: "Vladimir Putin" names no place) and countries
    named as locations ("visit to Japan") come first; other names the rules or models took
    for places count only when nothing known is near, and a country acting ("Russia and Japan
    agreed") never does. A country just before a city or region is the city's ("Russia's
    Vladivostok", "露南部ソチ"): the more precise place wins."""
    s_start, s_end = ctx.sentence_of(start)
    known = [(m.start, m.end) for m in ctx.matches_of("place")]
    located = [
        span
        for country in countries_as_places(ctx.text, ctx.language, s_start)
        for span in country.spans
        if span[0] < s_end
    ]
    near: list[tuple[int, int, int, str]] = []
    for place in ctx.places:
        for s, e in place.spans:
            if not s_start <= s < s_end:
                continue
            if ctx.language != "ja" and s > start and RELATIVE_CLAUSE.search(ctx.text, start, s):
                continue  # "…, which was signed in Kazan": another event's place
            if (s, e) in located or any(a < e and s < b for a, b in known):
                weight = 0
            elif is_country(place.name):
                continue
            else:
                weight = UNKNOWN_PLACE_WEIGHT
            near.append((abs(s - start) + weight, s, e, place.name))
    if not near:
        return None
    near.sort()
    _distance, _s, end, name = near[0]
    if is_country(name):
        after = [row for row in near[1:] if 0 <= row[1] - end <= 12 and not is_country(row[3])]
        if after:
            return min(after, key=lambda row: row[1])[3]
    return name


def is_country(name: str) -> bool:
    folded = name.casefold()
    return folded in COUNTRY_NAMES or folded in COUNTRY_PLACE_NAMES


def _event(
    ctx: Context,
    kind: str,
    number: int | None,
    name: str | None,
    span: tuple[int, int],
    key: str | None = None,
) -> EventFact:
    """An event mentioned at ``span``, with the date and place of its sentence."""
    anchor = span
    if ctx.language == "ja" and JA_FINAL.fullmatch(ctx.text, span[1], ctx.sentence_of(span[0])[1]):
        # the sentence's own predicate (…と会談した。): its date and place open the sentence
        # (世耕氏は11~12日にモスクワを訪問し、…と会談した), not the nearest clause's
        s_start = ctx.sentence_of(span[0])[0]
        anchor = (s_start, s_start)
    found = _date_for(ctx, anchor[0], anchor[1])
    place = _place_for(ctx, anchor[0])
    s_start = ctx.sentence_of(span[0])[0]
    if found is None and REFERS_BACK[ctx.language].match(ctx.text, s_start):
        # "この訪問の中で…", "В ходе визита…", "During the visit…": the sentence goes on
        # with the previous one's event, and has its date and place
        before = [sp for sp in ctx.sentences if sp[1] <= s_start]
        if before:
            previous = before[-1][0]
            found = _date_for(ctx, previous, previous)
            place = place or _place_for(ctx, previous)
    return EventFact(
        kind,
        number,
        name,
        place,
        found.date if found else None,
        key=key,
        spans=[span],
        precision=found.precision if found else "day",
    )


def find_events(ctx: Context) -> list[EventFact]:
    found: list[EventFact] = []
    text, language = ctx.text, ctx.language
    for m in SESSION[language].finditer(text, ctx.start):
        body = _body_named(ctx, m)
        kind = "session" if body is not None else "meeting"
        found.append(_event(ctx, kind, _number(m, language), body or None, m.span()))
    for match in ctx.matches_of("fair"):
        span = (match.start, match.end)
        found.append(_event(ctx, "fair", None, match.entry.canonical, span, match.entry.key))
    named = _named_and_described(ctx, found)
    found.extend(named)
    for kind, pattern in TRIGGERS[language].items():
        for m in pattern.finditer(text, ctx.start):
            if ctx.masked(m.start(), m.end()):
                continue
            found.append(_event(ctx, kind, None, None, m.span()))
    return merge_events(found)


COMMITTEE_WORDS = re.compile(
    r"committee|commission|council|委員会|協議会|作業部会|部会|会議|комисси|комитет|совет|"
    r"межправкомисси",
    re.IGNORECASE,
)
JA_BODY = re.compile(rf"[{KATAKANA_RANGE}{HAN_RANGE}A-Za-z0-9・ー「」]+$")


def _body_named(ctx: Context, m: re.Match[str]) -> str | None:
    """The body whose session this is ("" when the match itself names it), or None when no
    body is named: "the first meeting" alone is a meeting, not the committee's session 1."""
    if COMMITTEE_WORDS.search(m.group(0)):
        return ""
    s_start, s_end = ctx.sentence_of(m.start())
    if ctx.language == "ja":
        before = JA_BODY.search(ctx.text[max(s_start, m.start() - 40) : m.start()].rstrip("の"))
        if before and COMMITTEE_WORDS.search(before.group(0)):
            return before.group(0).strip("「」")
    around = ctx.text[max(s_start, m.start() - 60) : min(s_end, m.end() + 60)]
    committees = [c for c in ctx.matches_of("organisation") if s_start <= c.start < s_end]
    return "" if committees or COMMITTEE_WORDS.search(around) else None


def _named_and_described(ctx: Context, found: list[EventFact]) -> list[EventFact]:
    """Recurring events by name, acronym or description (EEF, ВЭФ, 東方経済フォーラム; "the
    Combined Exhibition of Advanced Technologies" is CEATEC), then events by the word that
    names them (summit, 首脳会談, переговоры), each with the date and place of its sentence."""
    events: list[EventFact] = []
    taken = [span for event in found for span in event.spans]
    for kind, name, pattern in named_events(ctx.language):
        for m in pattern.finditer(ctx.text, ctx.start):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            events.append(_event(ctx, kind, None, name, m.span()))
    for kind, pattern in triggers(ctx.language):
        for m in pattern.finditer(ctx.text, ctx.start):
            if ctx.masked(m.start(), m.end()) or any(
                s < m.end() and m.start() < e for s, e in taken
            ):
                continue
            taken.append(m.span())
            events.append(_event(ctx, kind, None, m.group(0).strip(), m.span()))
    return events


def merge_events(found: list[EventFact]) -> list[EventFact]:
    """One event per kind, name, date and place (sessions: per number); an unnumbered session
    joins the only numbered one; an undated event joins a dated one of its kind and name held
    at the same place (or any, when it names none)."""
    numbered = {e.number for e in found if e.kind == "session" and e.number is not None}
    merged: dict[tuple[str, int | None, str | None, dt.date | None, str | None], EventFact] = {}
    for event in sorted(found, key=lambda e: (e.date is None, e.place is None)):
        number = event.number
        if event.kind == "session" and number is None and len(numbered) == 1:
            number = next(iter(numbered))
        name = (event.name or "").casefold() or None
        key = (event.kind, number, name, event.date, event.place)
        if event.kind == "session":  # one per number, whatever name each mention gives
            key = next((k for k in merged if k[:2] == key[:2]), key)
        elif event.date is None:  # joins the dated one of its kind and name, same place
            same = (k for k in merged if k[:3] == key[:3] and event.place in (None, k[4]))
            key = next(same, key)
        if key in merged:
            known = merged[key]
            if known.date is None and event.date is not None:
                known.date, known.precision = event.date, event.precision
            known.place = known.place or event.place
            known.spans.extend(event.spans)
        else:
            event.number = number
            merged[key] = event
    return sorted(merged.values(), key=lambda e: e.spans[0][0])
