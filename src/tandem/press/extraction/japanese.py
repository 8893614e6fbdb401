"""Japanese: people from the tokenizer's person names (fugashi + unidic-lite) and katakana
names before a title, organisations by their suffixes, places, counted figures (pure)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tandem.press.extraction.context import Context, add_name, add_person
from tandem.press.extraction.events import SESSION
from tandem.press.extraction.facts import FigureFact, NameFact, PersonFact
from tandem.press.extraction.gazetteer import COUNTRY_NAMES
from tandem.press.extraction.numbers import JA_AFTER, JA_BEFORE, JA_SUBJECTS, ja_number

ROLE = (
    r"(?:大臣|首相|副首相|知事|大統領|社長|会長|課長|局長|所長|部長|長官|大使|市長|次官|理事長|議長"
    r"|代表|相)"
)
ROLE_AFTER = re.compile(rf"^(?P<role>[一-龥ァ-ヶー]{{0,10}}?{ROLE})")
KATAKANA_NAME = re.compile(
    r"(?<![ァ-ヶー・])(?P<name>[ァ-ヶー]{2,}(?:・[ァ-ヶー]{2,})*)"
    r"(?P<role>[一-龥]{0,8}?(?:大臣|首相|副首相|知事|大統領|社長|会長|長官|大使|市長|次官|議長|相)|氏)"
)
ORG = re.compile(
    r"(?P<org>(?:社会医療法人|医療法人|株式会社|公益財団法人|一般社団法人|独立行政法人)[一-龥ァ-ヶー]+"
    r"|[一-龥ァ-ヶーA-Za-z]+(?:省|庁|機構|本部|センター|委員会|銀行|公社|機関|協会|財団|大学|物産|商事"
    r"|重工|製作所|自動車|電機|銀行))"
    r"(?:（(?P<acronym>[^）]{1,12})）)?"
)
FIGURE = re.compile(
    r"(?<!第)(?P<before>約|およそ|最大で|最大)?(?P<num>\d[\d,]*|[一二三四五六七八九十百千]+)"
    r"(?P<counter>社|件|人|項目|つ|か所|カ所)"
    r"(?P<after>以上|超|余り|余|近く|近い|弱|未満|を超え(?:る|た)?)?"
)
PLACE_SUFFIX = re.compile(r"^(?:市|州|県|都|府|地方|共和国)")


@cache
def tagger() -> Any:
    import fugashi  # type: ignore[import-untyped]

    return fugashi.Tagger()


def is_future(sentence: str, at: int) -> bool:
    rest = sentence[at:].strip()
    return not re.search(r"た[。」]?$|た、", rest) and bool(
        re.search(r"(る|予定だ?|見通しだ?|へ)。?$", rest)
    )


def _tokens(text: str, start: int) -> list[tuple[int, int, str, Any]]:
    """(start, end, surface, features) of every token of ``text[start:]``."""
    out = []
    position = start
    for word in tagger()(text[start:]):
        surface = word.surface
        found = text.find(surface, position)
        if found < 0:
            continue
        out.append((found, found + len(surface), surface, word.feature))
        position = found + len(surface)
    return out


def people(ctx: Context) -> list[PersonFact]:
    found: list[PersonFact] = []
    text = ctx.text
    for match in ctx.matches_of("person"):
        role_m = ROLE_AFTER.match(text[match.end : match.end + 14])
        role = role_m["role"] if role_m else None
        if role:
            ctx.role_spans.append((match.end, match.end + len(role)))
        add_person(
            found,
            PersonFact(
                match.entry.name_in("ja"),
                role,
                match.entry.country,
                match.entry.key,
                [(match.start, match.end)],
            ),
        )
    tokens = _tokens(text, ctx.start)
    i = 0
    while i < len(tokens):
        start, end, _surface, feature = tokens[i]
        if feature.pos2 == "固有名詞" and feature.pos3 == "人名" and feature.pos4 == "姓":
            j = i + 1
            while j < len(tokens) and tokens[j][3].pos3 == "人名" and tokens[j][3].pos4 == "名":
                j += 1
            # 健一, 浩二: the tokenizer splits a given name ending in a numeral kanji
            numeral = j > i + 1 and j < len(tokens) and tokens[j][2] in "一二三四五六七八九"
            if numeral and ROLE_AFTER.match(text[tokens[j][1] : tokens[j][1] + 14]):
                j += 1
            end = tokens[j - 1][1]
            role_m = ROLE_AFTER.match(text[end : end + 14])
            known = any(m.start < end and start < m.end for m in ctx.matches)
            if (j > i + 1 or role_m) and not known:
                role = role_m["role"] if role_m else None
                if role:
                    ctx.role_spans.append((end, end + len(role)))
                add_person(found, PersonFact(text[start:end], role, "JP", None, [(start, end)]))
            i = j
            continue
        i += 1
    for m in KATAKANA_NAME.finditer(text, ctx.start):
        start, end = m.span("name")
        name = m["name"]
        if name.casefold() in COUNTRY_NAMES or any(
            mm.start < end and start < mm.end for mm in ctx.matches
        ):
            continue
        role = m["role"] if m["role"] != "氏" else None
        if role:
            ctx.role_spans.append(m.span("role"))
        add_person(found, PersonFact(name, role, "RU", None, [(start, end)]))
    return found


def _session_spans(ctx: Context) -> list[tuple[int, int]]:
    return [m.span() for m in SESSION["ja"].finditer(ctx.text, ctx.start)]


def organisations(ctx: Context) -> list[NameFact]:
    found: list[NameFact] = []
    for match in ctx.matches_of("organisation"):
        add_name(found, NameFact(match.surface, match.entry.key, [(match.start, match.end)]))
    sessions = _session_spans(ctx)
    for m in ORG.finditer(ctx.text, ctx.start):
        start, end = m.span("org")
        if any(mm.start < end and start < mm.end for mm in ctx.matches) or any(
            s < end and start < e for s, e in sessions
        ):
            continue
        if any(s <= start < e for s, e in ctx.role_spans):
            continue
        add_name(found, NameFact(m["org"], None, [(start, end)]))
    return found


def places(ctx: Context, people_found: list[PersonFact], orgs: list[NameFact]) -> list[NameFact]:
    found: list[NameFact] = []
    rows: list[PersonFact | NameFact] = [*people_found, *orgs]
    taken = [span for row in rows for span in row.spans]
    for match in ctx.matches_of("place"):
        if ctx.in_title(match.start, match.end, match.entry.key):
            continue
        if any(s < match.end and match.start < e for s, e in taken):
            continue
        add_name(found, NameFact(match.surface, match.entry.key, [(match.start, match.end)]))
    for start, end, surface, feature in _tokens(ctx.text, ctx.start):
        if feature.pos2 != "固有名詞" or feature.pos3 != "地名":
            continue
        if surface in COUNTRY_NAMES or any(s < end and start < e for s, e in taken):
            continue
        if ctx.in_title(start, end, None):
            continue
        if any(m.start < end and start < m.end for m in ctx.matches):
            continue
        suffix = PLACE_SUFFIX.match(ctx.text[end:])
        if suffix:
            end += suffix.end()
        add_name(found, NameFact(ctx.text[start:end], None, [(start, end)]))
    return found


def _subject_after(text: str, position: int, qualified: bool) -> str | None:
    window = text[position : position + 14]
    window = window.split("。")[0]
    if not window.startswith("の") and not (qualified and re.match(r"[一-龥ァ-ヶ]", window)):
        return None
    best = None
    for word, subject in JA_SUBJECTS:
        index = window.find(word)
        if index >= 0 and (best is None or index < best[0]):
            best = (index, subject)
    return best[1] if best else None


def _subject_before(text: str, start: int, sentence_start: int) -> str | None:
    window = text[max(sentence_start, start - 16) : start]
    best = None
    for word, subject in JA_SUBJECTS:
        index = window.rfind(word)
        if index >= 0 and (best is None or index + len(word) > best[0]):
            best = (index + len(word), subject)
    return best[1] if best else None


def figures(ctx: Context) -> list[FigureFact]:
    from tandem.press.extraction.english import set_scope

    found: list[FigureFact] = []
    text = ctx.text
    for m in FIGURE.finditer(text, ctx.start):
        if ctx.masked(*m.span("num")):
            continue
        value = ja_number(m["num"].replace(",", ""))
        if value is None:
            continue
        counter = m["counter"]
        subject = None
        if counter == "項目" and re.match(
            r"の(?:協力)?(?:プラン|計画)", text[m.end() : m.end() + 8]
        ):
            subject = "plan points"
        elif counter == "社":
            subject = "companies"
        else:
            s_start, _s_end = ctx.sentence_of(m.start())
            subject = _subject_after(text, m.end(), bool(m["after"])) or _subject_before(
                text, m.start(), s_start
            )
        if subject is None:
            continue
        qualifier = JA_BEFORE.get(m["before"] or "") or JA_AFTER.get(m["after"] or "")
        found.append(FigureFact(subject, value, qualifier, spans=[m.span()]))
    for figure in found:
        set_scope(ctx, figure, re.compile(r"同州|同地域|同地方|地域で|州で"))
    return found
