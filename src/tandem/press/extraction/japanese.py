"""Japanese: people from the tokenizer's person names (fugashi + unidic-lite) and katakana
names before a title, organisations by their suffixes, places, counted figures (pure)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tandem.press.extraction import models
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
    r"(?P<role>[一-龥0-9０-９]{0,8}?(?:大臣|首相|副首相|知事|大統領|社長|会長|長官|大使|市長|次官|議長|相)|氏)"
)
# The longest compound ending in a legal form or a kind of body (東京電力, not 東京;
# 石油天然ガス・金属鉱物資源機構; 中国石油天然気集団): the suffixes of Japanese company and
# public-body names (法人格, 業種名).
ORG = re.compile(
    r"(?P<org>(?:社会医療法人|医療法人|株式会社|公益財団法人|一般社団法人|独立行政法人)[一-龥ァ-ヶー]+"
    r"|[一-龥ァ-ヶーA-Za-z](?:[一-龥ァ-ヶーA-Za-z・]*[一-龥ァ-ヶーA-Za-z])?"
    r"(?:省|庁|機構|本部|センター|委員会|協議会|作業部会|理事会|銀行|公社|機関|協会|財団|大学|物産"
    r"|商事|重工業|重工|建設(?!する|し|され|中|的)|電力|製作所|自動車|電機|証券|新聞|通信社|集団|公司|基金|研究所|連盟"
    r"|連合会|貿易会|カウンシル|コーポレーション|ホールディングス|グループ|経団連))"
    r"(?:（(?P<acronym>[^）]{1,12})）)?"
)
# A name in quotes that is mostly katakana or Latin (「ルスギドロ」, 「日立建機ユーラシア」), or a
# katakana name right after the word for a company, maker or paper (会社ノワテク, 大手トタル).
QUOTED_ORG = re.compile(
    r"「(?P<org>[ァ-ヶーA-Za-z][ァ-ヶー・A-Za-z0-9一-龥]{1,20})」(?P<after>.{0,6})"
)
CUE_ORG = re.compile(
    r"(?:会社|大手|コンツェルン|経済紙|新聞|銀行|メーカー)(?P<org>[ァ-ヶー][ァ-ヶー・]+[ァ-ヶー])"
)
LATIN_ORG = re.compile(r"(?<![A-Za-z])(?P<org>[A-Z]{3,}(?:[ァ-ヶー]+)?)(?![A-Za-z0-9])")
NOT_ORG_AFTER = re.compile(r"^(?:プロジェクト|プラン|計画|プログラム|活動|事業|改善|文化)")
NOT_ORG_WORDS = {"LNG", "APEC", "RCEP", "TPP", "ASEAN", "CEATEC", "CEO", "IT", "SME", "CIS", "NIS"}
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
        # a known place inside a longer name is part of it (東京電力 is a company, not 東京)
        known = [
            mm for mm in ctx.matches if mm.entry.kind != "place" or mm.end - mm.start >= end - start
        ]
        if any(mm.start < end and start < mm.end for mm in known) or any(
            s < end and start < e for s, e in sessions
        ):
            continue
        if any(s <= start < e for s, e in ctx.role_spans):
            continue
        add_name(found, NameFact(m["org"], None, [(start, end)]))
    _named_companies(ctx, found)
    return found


def _named_companies(ctx: Context, found: list[NameFact]) -> None:
    """Companies named in quotes, after a word for a company, or by a Latin acronym."""
    taken = [span for row in found for span in row.spans] + [
        (m.start, m.end) for m in ctx.matches if m.entry.kind != "organisation"
    ]
    rows = [
        (m.span("org"), m["org"], m.groupdict().get("after") or "")
        for pattern in (QUOTED_ORG, CUE_ORG, LATIN_ORG)
        for m in pattern.finditer(ctx.text, ctx.start)
    ]
    katakana = re.compile(r"[ァ-ヶーA-Za-z・]")
    for (start, end), name, after in sorted(rows):
        if name in NOT_ORG_WORDS or NOT_ORG_AFTER.match(after) or ctx.masked(start, end):
            continue
        if len(katakana.findall(name)) * 2 < len(name):
            continue  # mostly kanji in quotes: a slogan or a plan's name, not a company
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        add_name(found, NameFact(name, None, [(start, end)]))


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
    model = models.available("ja")
    for start, end, surface, feature in _tokens(ctx.text, ctx.start):
        if feature.pos2 != "固有名詞" or feature.pos3 != "地名":
            continue
        if model:
            # GiNZA's places replace the dictionary's place-name guess, and a word the
            # dictionary knows as a place name is no person on the model's word alone
            ctx.not_people.append((start, end))
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
