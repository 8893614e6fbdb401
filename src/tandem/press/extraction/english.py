"""English: people by their titles and the gazetteer, organisations by their head words,
places from the gazetteer and "in X", figures with their qualifiers (pure Python)."""

from __future__ import annotations

import re

from tandem.press.extraction.context import Context, add_name, add_person
from tandem.press.extraction.facts import FigureFact, NameFact, PersonFact
from tandem.press.extraction.gazetteer import COUNTRY_NAMES
from tandem.press.extraction.numbers import EN_NUMBER, EN_SUBJECTS, QUALIFIERS, en_number

CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Words that head a title or an organisation's name are never a person's given or family name
# ("Deputy Chief Secretary", "Business Association").
TITLE_WORDS = (
    r"Prime|Minister|Deputy|Vice|First|Chief|Secretary|General|President|Governor|Ambassador|"
    r"Mayor|Chairman|Chairwoman|Chair|Director|Executive|Head|Premier|Foreign|Economy|Trade|"
    r"Industry|Business|Association|Council|Committee|Ministry|Federation|Cabinet|Ministers|"
    r"Corporation|Company|Fund|Bank|Agency|Group|Forum|Minster|Development|Economic|Affairs|"
    r"State|National|Energy|Nuclear|Russian|Japanese|Japan|Russia|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Far|East|West|North|South|Eastern|Western|Northern|"
    r"Southern|Central|Arctic|Pacific|Region|Republic|Islands?"
)
GIVEN = rf"(?!(?:{TITLE_WORDS})\b){CAP}"
NAME = rf"(?P<name>{GIVEN}\s+{GIVEN})(?![\w-])"
TITLE = (
    r"(?:(?:First\s+)?(?:Deputy|Vice)\s+)?(?:Prime\s+Minister|Foreign\s+Minister|Minister|Minster|"
    r"Governor|President|Ambassador|Mayor|Chairman|Chairwoman|Director(?:\s+General)?|"
    r"Chief\s+Executive|CEO|Secretary(?:\s+General)?|Premier|Head)"
)
ROLE_WORD = (
    rf"(?!{GIVEN}\s+{GIVEN}(?![\w-]|\s+[A-Z]))[A-Z][\w'’-]*"  # a role word, not a name's start
)
ROLE_OF = (
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{ROLE_WORD}"
    rf"(?:(?:,|\s+(?:and|of|for|the|on))*\s+{ROLE_WORD})*)?"
)
HOLDS_NAME = re.compile(rf"{GIVEN}\s+{GIVEN}(?![\w'’-])")
ROLE_BEFORE = re.compile(
    rf"(?P<role>(?:(?:[A-Z][\w-]*(?:'s)?)\s+){{0,3}}{TITLE}{ROLE_OF})\s+{NAME}"
)
ROLE_AFTER = re.compile(
    rf"{NAME}(?=,\s+(?:the\s+)?(?P<role>(?i:(?:first\s+)?(?:deputy\s+|vice\s+)?(?:head|president|"
    r"chairman|chair|director|governor|minister|chief|ambassador|mayor|chief executive|ceo|"
    r"(?:special\s+)?advis[eo]r|assistant|spokes(?:man|woman|person)|secretary|prime minister))"
    r"\b[^,.;\"”]*))"
)
# A person named by a lower-case role noun right before the name: "businessman Oleg Orlov",
# "chairman of the Russian-Japanese business council Ivan Petrov", "(Interviewer: Go Ito)".
NOUN_BEFORE = re.compile(
    r"(?P<role>\b(?i:businessman|businesswoman|entrepreneur|billionaire|economist|analyst|"
    r"professor|envoy|diplomat|spokes(?:man|woman|person)|interviewer|correspondent)|"
    r"\b(?:chairman|chair|head|president|director)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"[\w'’-]+)"
    rf":?\s+{NAME}"
)
# The family name alone after a title: "President Putin toured", "Prime Minister Abe".
SURNAME_AFTER_TITLE = re.compile(rf"\b(?P<role>{TITLE})\s+(?P<name>{GIVEN})(?![\w-]|\s+[A-Z])")
SAID_BEFORE = re.compile(rf"\bsaid\s+{NAME}")
SAID_AFTER = re.compile(rf"{NAME}\s+said\b")
ROLE_JUST_BEFORE = re.compile(
    rf"(?P<role>(?:(?:[A-Z][\w-]*(?:'s)?)\s+){{0,3}}{TITLE}{ROLE_OF})\s+$"
)
COUNTRY_IN_ROLE = [
    (re.compile(r"\bRussia(?:'s|n)\b"), "RU"),
    (re.compile(r"\bJapan(?:'s|ese)?\b"), "JP"),
]
NOT_NAME = {"the", "and", "in", "on", "of"}

ORG_HEAD = (
    r"Ministry|Organization|Organisation|Center|Centre|Corporation|Agency|Bank|Committee|"
    r"Commission|Council|Fund|Institute|University|Company|Co\.|Inc\.|Ltd\.?|Group|Association|"
    r"Chamber|Bureau|Corp\.?|Industries|Holdings|Shimbun|Newspapers|Federation|Railways|Airlines"
)
# A body named with a lower-case head after a capitalised word: "Japanese foreign ministry",
# "public-private Coordination council", "Russian-Japanese business council".
ORG_LOWER = re.compile(
    r"(?<![\w-])(?P<org>(?!(?:The|A|An|This|That|Its|Their|His|Her|Our)\b)[A-Z][\w-]*"
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:council|commission|committee|ministry))\b"
)
ORG = re.compile(
    rf"(?P<org>(?:[A-Z][\w&.'’-]*\s+(?:&\s+)?)*?(?:{ORG_HEAD})"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:(?:\s+(?:and|of|the))*\s+[A-Z][\w-]*)*)?)"
    r"(?:\s+\((?P<acronym>[A-Z]{2,})\))?"
)
ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
NOT_ORG = {"SME", "SMES", "LNG", "CEO", "IT", "AI", "FDI", "GDP", "USD", "JPY", "RUB", "UTC", "GMT"}
IN_PLACE = re.compile(rf"\bin\s+(?P<place>{CAP}(?:\s+{CAP})?)\b")
ADJECTIVES = {"Russian", "Japanese", "Ural", "Soviet"}

QUALS = "|".join(p for p, _q in QUALIFIERS["en"])
SUBJECTS = "|".join(f"(?:{p})" for p, _s in EN_SUBJECTS)
FUNCTION_WORD = (
    r"(?!(?:of|the|a|an|and|in|on|at|to|for|with|by|from|which|that|were|was|is|are|had|have)\b)"
)
FIGURE = re.compile(
    rf"(?:\b(?P<qual>{QUALS})\s+)?\b(?P<num>{EN_NUMBER})\s+(?:{FUNCTION_WORD}[\w-]+\s+){{0,3}}?"
    rf"(?P<noun>{SUBJECTS})\b",
    re.IGNORECASE,
)
NUMBER_OF = re.compile(
    rf"\bnumber\s+of\s+(?P<noun>{SUBJECTS})\b[^.]{{0,60}}?\b(?:to|at|reached|reaches|is|was)\s+"
    rf"(?:(?P<qual>{QUALS})\s+)?(?P<num>{EN_NUMBER})\b",
    re.IGNORECASE,
)
POINT_PLAN = re.compile(rf"\b(?P<num>{EN_NUMBER})-point\s+(?:\w+\s+)?plan\b", re.IGNORECASE)
INCLUDING = re.compile(rf"\bincluding\s+(?P<num>{EN_NUMBER})\s+in\b", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|shall|is to|are to|is due to|are due to|next)\b", re.IGNORECASE)
REGION_WORDS = re.compile(r"\bin the region\b", re.IGNORECASE)


def is_future(sentence: str, at: int) -> bool:
    left = max(sentence.rfind(",", 0, at), sentence.rfind(";", 0, at))
    right = sentence.find(",", at)
    clause = sentence[left + 1 : right if right >= 0 else len(sentence)]
    return bool(FUTURE.search(clause))


def _country(ctx: Context, role: str | None, start: int) -> str | None:
    context = (role or "") + " " + ctx.text[max(0, start - 30) : start]
    for pattern, country in COUNTRY_IN_ROLE:
        if pattern.search(context):
            return country
    for match in ctx.gazetteer.find(role or "", "en"):
        if match.entry.country and match.entry.kind in ("place", "organisation"):
            return match.entry.country
    return None


def people(ctx: Context) -> list[PersonFact]:
    found: list[PersonFact] = []
    text = ctx.text
    for match in ctx.matches_of("person"):
        before = ROLE_JUST_BEFORE.search(text[max(0, match.start - 120) : match.start])
        role = before["role"] if before else None
        after = ROLE_AFTER.match(text, match.start)
        if role is None and after and after.start("name") == match.start:
            role = after["role"].strip()
        if role:
            role = re.sub(r"^(?:Russia|Japan)'s\s+", "", role)
            ctx.role_spans.append((match.start - len(role) - 1, match.start))
        country = _country(ctx, role, match.start) if role else None
        add_person(
            found,
            PersonFact(
                match.entry.name_in("en"),
                role,
                country or match.entry.country,
                match.entry.key,
                [(match.start, match.end)],
            ),
        )
    for pattern in (ROLE_BEFORE, ROLE_AFTER, NOUN_BEFORE, SAID_BEFORE, SAID_AFTER):
        for m in pattern.finditer(text, ctx.start):
            name = m["name"]
            start, end = m.span("name")
            if _known_not_place(ctx, start, end) or name.split()[0].lower() in NOT_NAME:
                continue
            role = m.groupdict().get("role")
            held = HOLDS_NAME.search(role or "")
            if role and held:  # "A, President of X and B, ...": A's title ends before B;
                cut = role[: held.start()].rstrip()  # "A, Deputy Secretary B": it is B's
                role = cut.removesuffix(" and").rstrip(" ,") if cut.endswith(" and") else None
            if role:
                role = role.strip()
                ctx.role_spans.append(m.span("role"))
                country = _country(ctx, role, m.start())
                role = re.sub(r"^(?:Russia|Japan)'s\s+", "", role)
            else:
                country = None
            add_person(found, PersonFact(name, role, country, None, [(start, end)]))
    surnames_after_titles(ctx, found)
    return found


def _known(ctx: Context, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in ctx.matches)


def _known_not_place(ctx: Context, start: int, end: int) -> bool:
    """A known organisation or person there; a place name is no obstacle to a name after a
    title (Russian President *Vladimir* Putin is not the city of Vladimir)."""
    return any(m.start < end and start < m.end and m.entry.kind != "place" for m in ctx.matches)


def _known_inside(ctx: Context, start: int, end: int) -> bool:
    """A known name there that is not just a place inside a longer name (Tokyo in Tokyo
    Electric Power Company: the longest candidate wins)."""
    return any(
        m.start < end
        and start < m.end
        and (m.entry.kind != "place" or m.end - m.start >= end - start)
        for m in ctx.matches
    )


def surnames_after_titles(ctx: Context, found: list[PersonFact]) -> None:
    """ "President Putin", "Prime Minister Abe": the family name alone after a title, kept
    when it is the family name of a person already found or of no known organisation/place."""
    for m in SURNAME_AFTER_TITLE.finditer(ctx.text, ctx.start):
        start, end = m.span("name")
        if (_known(ctx, start, end) or ctx.masked(start, end)) and not any(
            p.name.endswith(m["name"]) for p in found
        ):
            continue
        add_person(found, PersonFact(m["name"], m["role"], None, None, [(start, end)]))


def organisations(ctx: Context) -> list[NameFact]:
    found: list[NameFact] = []
    acronyms: dict[str, NameFact] = {}
    for match in ctx.matches_of("organisation"):
        add_name(found, NameFact(match.surface, match.entry.key, [(match.start, match.end)]))
    for m in ORG.finditer(ctx.text, ctx.start):
        start, end = m.span("org")
        name = re.sub(r"^(?:The|A)\s+", "", m["org"])
        start = end - len(name)
        if _known_inside(ctx, start, end) or ctx.masked(start, end) or " " not in name.strip():
            continue
        fact = NameFact(name, None, [(start, end)])
        add_name(found, fact)
        if m["acronym"]:
            acronyms[m["acronym"]] = fact
    for m in ORG_LOWER.finditer(ctx.text, ctx.start):
        start, end = m.span("org")
        if _known(ctx, start, end) or ctx.masked(start, end):
            continue
        if any(any(s < end and start < e for s, e in f.spans) for f in found):
            continue
        add_name(found, NameFact(m["org"], None, [(start, end)]))
    for m in ACRONYM.finditer(ctx.text, ctx.start):
        word = m.group(0)
        if word in NOT_ORG or ctx.masked(m.start(), m.end()) or _known(ctx, m.start(), m.end()):
            continue
        if any(f.spans and any(s <= m.start() < e for s, e in f.spans) for f in found):
            continue
        if m.start() > 0 and ctx.text[m.start() - 1] == "(":
            continue
        if word in acronyms:
            acronyms[word].spans.append(m.span())
            continue
        add_name(found, NameFact(word, None, [m.span()]))
    return found


def places(ctx: Context, people_found: list[PersonFact], orgs: list[NameFact]) -> list[NameFact]:
    found: list[NameFact] = []
    rows: list[PersonFact | NameFact] = [*people_found, *orgs]
    taken = [span for row in rows for span in row.spans]
    for match in ctx.matches_of("place"):
        if ctx.in_title(match.start, match.end, match.entry.key):
            continue
        if any(s <= match.start < e for s, e in taken):
            continue
        name = match.surface.title() if match.surface.isupper() else match.surface
        add_name(found, NameFact(name, match.entry.key, [(match.start, match.end)]))
    if ctx.dateline:
        head = re.match(r"[A-Z][A-Z\- ]+", ctx.text[ctx.dateline[0] : ctx.dateline[1]])
        if head:
            name = head.group(0).strip().title()
            if not any(f.name.casefold() == name.casefold() for f in found):
                start = ctx.dateline[0]
                add_name(found, NameFact(name, None, [(start, start + len(name))]))
    for m in IN_PLACE.finditer(ctx.text, ctx.start):
        name = m["place"]
        start, end = m.span("place")
        if (
            name.casefold() in COUNTRY_NAMES
            or name.split()[0] in ADJECTIVES
            or _known(ctx, start, end)
            or any(s < end and start < e for s, e in taken)
            or ctx.in_title(start, end, None)
        ):
            continue
        add_name(found, NameFact(name, None, [(start, end)]))
    return found


def _subject(noun: str) -> str:
    for pattern, subject in EN_SUBJECTS:
        if re.fullmatch(pattern, noun, re.IGNORECASE):
            return subject
    return noun.lower()


def _qualifier(word: str | None) -> str | None:
    if not word:
        return None
    for pattern, qualifier in QUALIFIERS["en"]:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return qualifier
    return None


def figures(ctx: Context) -> list[FigureFact]:
    found: list[FigureFact] = []
    text = ctx.text
    for pattern in (NUMBER_OF, FIGURE):
        for m in pattern.finditer(text, ctx.start):
            value = en_number(m["num"])
            if value is None or ctx.masked(*m.span("num")):
                continue
            if re.match(r"-point", text[m.end("num") :]):
                continue
            if any(s <= m.start("num") < e for f in found for s, e in f.spans):
                continue
            found.append(
                FigureFact(_subject(m["noun"]), value, _qualifier(m["qual"]), spans=[m.span()])
            )
    for m in POINT_PLAN.finditer(text, ctx.start):
        value = en_number(m["num"])
        if value:
            found.append(FigureFact("plan points", value, None, spans=[m.span()]))
    for m in INCLUDING.finditer(text, ctx.start):
        value = en_number(m["num"])
        earlier = [f for f in found if f.spans[0][1] <= m.start()]
        if value is not None and earlier:
            subject = max(earlier, key=lambda f: f.spans[0][1]).subject
            found.append(FigureFact(subject, value, None, spans=[m.span()]))
    for figure in found:
        set_scope(ctx, figure, REGION_WORDS)
    return found


def set_scope(ctx: Context, figure: FigureFact, region_words: re.Pattern[str]) -> None:
    """The place a figure counts in: named just after it, or "the region" named before."""
    start, end = figure.spans[0]
    s_start, s_end = ctx.sentence_of(start)
    places = [m for m in ctx.matches_of("place") if m.entry.region]
    after = [m for m in places if end <= m.start <= end + 40 and m.start < s_end]
    if after:
        figure.scope, figure.scope_key = after[0].surface, after[0].entry.region
        return
    if region_words.search(ctx.text[s_start:s_end]):
        before = [m for m in places if m.start < s_end]
        if before:
            chosen = before[-1]
            figure.scope, figure.scope_key = chosen.surface, chosen.entry.region
