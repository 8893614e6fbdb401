"""Dates stated in an article, relative ones resolved against the publication date (pure).

- a weekday ("on Wednesday", "в среду", "水曜日") is the most recent such day on or before the
  publication date, or the next one on or after it when its clause speaks of the future
  ("will visit on Wednesday", "посетит в среду");
- "yesterday", "today", "tomorrow" (昨日, 本日, 明日; вчера, сегодня, завтра);
- a day of the month alone ("19日") is the nearest such date to the publication date;
- a day and a month without a year take the year that puts them nearest to it; with a year
  named relative to the publication's (昨年12月15日, 15 декабря прошлого года) that year;
- a span of days (December 15-16, 15~16日, 15–16 December) is dated by its first day;
- a month without a day ("in November", "в ноябре", 「昨年12月」, "last month", 先月) is that
  month (precision "month"): of the year it names, else the most recent such month on or before
  the publication date, or the next one when its clause speaks of the future;
- in an article with no publication date, a day or month without a year takes the year written
  in its sentence, else the latest year the article writes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from tandem.press.extraction.text import EN_MONTH_RE, RU_MONTH_RE, en_month, ru_month

# Is the clause around position ``at`` of ``sentence`` about the future?
FutureTest = Callable[[str, int], bool]

EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EN_FULL_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A month in any case without a day before it: в ноябре, с мая, до марта, ноябрь.
RU_ANY_MONTH_RE = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    r"|(?:январ|февраль|мартов|апрель|май|июнь|июль|августов|сентябрь|октябрь|ноябрь|декабрь)"
    r"ск\w+)"
)
MONTH_SHIFT = {
    "last": -1,
    "this": 0,
    "next": 1,
    "прошлом": -1,
    "этом": 0,
    "текущем": 0,
    "следующем": 1,
    "先月": -1,
    "今月": 0,
    "来月": 1,
}
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
RU_WEEKDAYS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
JA_WEEKDAYS = "月火水木金土日"

EN_PATTERN = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<rel>yesterday|today|tomorrow)\b"
    rf"|\b(?P<d1>\d{{1,2}})(?:\s?[-–]\s?\d{{1,2}})?\s+(?P<m1>{EN_MONTH_RE})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<m2>{EN_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{{1,2}})?\b"
    r"(?:,\s*(?P<y2>\d{4}))?"
    r"|\b(?P<mrel>last|this|next)\s+month\b"
    rf"|\b(?P<m3>{EN_FULL_MONTH_RE})\b(?:,?\s+(?P<y3>\d{{4}})\b)?",
    re.IGNORECASE,
)
RU_PATTERN = re.compile(
    r"(?P<weekday>\b(?:понедельник|вторник|сред[уаы]|четверг|пятниц[уаы]|суббот[уаы]|воскресень[ея])\w*)"
    r"|\b(?P<rel>вчера|сегодня|завтра|дн[её]м\s+ранее)\b"
    rf"|\b(?P<d1>\d{{1,2}})(?:\s?[-–—]\s?\d{{1,2}})?\s+(?P<m1>{RU_MONTH_RE})"
    r"(?:\s+(?P<y1>\d{4})\s*(?:года|г\.)?|\s+(?P<yrel>прошлого|текущего|этого|следующего)\s+года)?"
    r"|\b(?P<mrel>прошлом|этом|текущем|следующем)\s+месяце\b"
    rf"|(?<!\d\s)(?<![\d\w-])(?P<m3>{RU_ANY_MONTH_RE})(?![\w-])"
    r"(?:\s+(?P<y3>\d{4})\s*(?:года|г\.)?|\s+(?P<yrel3>прошлого|текущего|этого|следующего)\s+года)?",
    re.IGNORECASE,
)
JA_PATTERN = re.compile(
    r"(?:(?P<y1>\d{4})年|(?P<yrel>昨年|去年|今年|本年|来年))?(?P<m1>\d{1,2})月"
    r"(?P<d1>\d{1,2})(?:[~〜～\-–・](?P<d1b>\d{1,2}))?日"
    r"|(?<![\d月~〜～\-–・])(?P<d2>\d{1,2})(?:[~〜～\-–](?:\d{1,2}))?日(?!間|本|露|米|中)"
    r"|(?P<rel>昨日|きのう|本日|今日|きょう|明日|あす)"
    r"|(?P<weekday>[月火水木金土日])曜日?"
    r"|(?P<mrel>先月|今月|来月)"
    r"|(?:(?P<y3>\d{4})年|(?P<yrel3>昨年|去年|今年|本年|来年))?(?<![\d度])(?P<m3>\d{1,2})月(?![\d~〜～])"
)
# A year named relative to the publication's: 昨年12月15日, 15 декабря прошлого года.
YEAR_SHIFT = {
    "昨年": -1,
    "去年": -1,
    "今年": 0,
    "本年": 0,
    "来年": 1,
    "прошлого": -1,
    "текущего": 0,
    "этого": 0,
    "следующего": 1,
}
JA_RELATIVE = {"昨日": -1, "きのう": -1, "本日": 0, "今日": 0, "きょう": 0, "明日": 1, "あす": 1}
EN_RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}
RU_RELATIVE = {"вчера": -1, "сегодня": 0, "завтра": 1, "днем ранее": -1, "днём ранее": -1}


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date | None
    relative: bool
    precision: str = "day"  # or "month": the date is the first day of the month named


def weekday_date(published: dt.date, weekday: int, *, future: bool) -> dt.date:
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def nearest_day(published: dt.date, day: int) -> dt.date | None:
    candidates = []
    for months in (-1, 0, 1):
        month0 = published.month - 1 + months
        year, month = published.year + month0 // 12, month0 % 12 + 1
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def nearest_year(published: dt.date, month: int, day: int) -> dt.date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def _full(year: str | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    if year:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            return None
    return nearest_year(published, month, day) if published else None


def month_date(published: dt.date, month: int, *, future: bool) -> dt.date:
    """The month named without a year: the next one on or after the publication's month when
    the clause speaks of the future, else the one nearest to it (the earlier on a tie)."""
    if future:
        return dt.date(published.year + (month < published.month), month, 1)
    here = published.year * 12 + published.month
    years = (published.year - 1, published.year, published.year + 1)
    return dt.date(min(years, key=lambda y: (abs(y * 12 + month - here), y)), month, 1)


def shifted_month(published: dt.date, shift: int) -> dt.date:
    month0 = published.month - 1 + shift
    return dt.date(published.year + month0 // 12, month0 % 12 + 1, 1)


def year_written(text: str, span: tuple[int, int]) -> str | None:
    """For an article with no publication date: the one year its sentence writes, else the
    latest year the article writes."""
    in_sentence = set(YEAR.findall(text, span[0], span[1]))
    if len(in_sentence) == 1:
        return in_sentence.pop()
    anywhere = YEAR.findall(text)
    return max(anywhere) if anywhere else None


def _month_only(
    groups: dict[str, str | None],
    language: str,
    published: dt.date | None,
    future: bool,
    fallback_year: str | None,
) -> dt.date | None:
    if groups.get("mrel"):
        shift = MONTH_SHIFT[(groups["mrel"] or "").lower()]
        return shifted_month(published, shift) if published else None
    word = groups["m3"] or ""
    table = {"en": en_month, "ru": ru_month}
    month = table[language](word) if language in table else int(word)
    if not 1 <= month <= 12:
        return None
    year = groups.get("y3")
    if groups.get("yrel3") and published:
        year = str(published.year + YEAR_SHIFT[(groups["yrel3"] or "").lower()])
    if year:
        return dt.date(int(year), month, 1)
    if published:
        return month_date(published, month, future=future)
    return dt.date(int(fallback_year), month, 1) if fallback_year else None


def find_dates(
    text: str,
    span: tuple[int, int],
    language: str,
    published: dt.date | None,
    is_future: FutureTest,
) -> list[FoundDate]:
    """Every date expression in ``text[span]`` (one sentence), resolved where possible."""
    start, end = span
    sentence = text[start:end]
    pattern = {"en": EN_PATTERN, "ru": RU_PATTERN, "ja": JA_PATTERN}[language]
    found: list[FoundDate] = []
    fallback_year = None if published else year_written(text, span)
    for m in pattern.finditer(sentence):
        groups = m.groupdict()
        value: dt.date | None = None
        relative = False
        if groups.get("m3") or groups.get("mrel"):
            if language == "en" and groups.get("m3") and not (groups["m3"] or " ")[0].isupper():
                continue  # "may", "march": a verb, not a month
            value = _month_only(
                groups, language, published, is_future(sentence, m.start()), fallback_year
            )
            relative = not groups.get("y3")
            found.append(FoundDate(start + m.start(), start + m.end(), value, relative, "month"))
            continue
        if groups.get("weekday"):
            relative = True
            word = groups["weekday"].lower()
            if language == "en":
                index = EN_WEEKDAYS.index(word)
            elif language == "ru":
                index = next(i for i, stem in enumerate(RU_WEEKDAYS) if word.startswith(stem))
            else:
                index = JA_WEEKDAYS.index(word)
            if published:
                value = weekday_date(published, index, future=is_future(sentence, m.start()))
        elif groups.get("rel"):
            relative = True
            table = {"en": EN_RELATIVE, "ru": RU_RELATIVE, "ja": JA_RELATIVE}[language]
            shift = table[" ".join(groups["rel"].lower().split())]
            value = published + dt.timedelta(days=shift) if published else None
        elif groups.get("d1"):
            month = (
                en_month(groups["m1"])
                if language == "en"
                else ru_month(groups["m1"])
                if language == "ru"
                else int(groups["m1"])
            )
            relative = not groups.get("y1")
            year = groups.get("y1")
            if groups.get("yrel") and published:
                year = str(published.year + YEAR_SHIFT[groups["yrel"].lower()])
            value = _full(year or fallback_year, month, int(groups["d1"]), published)
        elif groups.get("d2") and language == "en":
            relative = not groups.get("y2")
            year = groups.get("y2") or fallback_year
            value = _full(year, en_month(groups["m2"]), int(groups["d2"]), published)
        elif groups.get("d2"):
            relative = True
            value = nearest_day(published, int(groups["d2"])) if published else None
        found.append(FoundDate(start + m.start(), start + m.end(), value, relative))
    return found
