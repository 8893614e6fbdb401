"""Read one article and return the facts it states (pure Python)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from types import ModuleType
from typing import TypeVar

from tandem.press.extraction import english, japanese, russian
from tandem.press.extraction.context import Context
from tandem.press.extraction.countries import countries_as_places
from tandem.press.extraction.dates import find_dates
from tandem.press.extraction.events import find_events
from tandem.press.extraction.facts import DateFact, Facts, FigureFact, NameFact, PersonFact
from tandem.press.extraction.gazetteer import Gazetteer, default_gazetteer
from tandem.press.extraction.headline import supported_by_body
from tandem.press.extraction.models import with_models
from tandem.press.extraction.quantities import find_quantities
from tandem.press.extraction.text import detect_language, normalise, parse_header, sentences
from tandem.press.extraction.themes import find_themes

RULES: dict[str, ModuleType] = {"en": english, "ja": japanese, "ru": russian}
Row = TypeVar("Row", PersonFact, NameFact)
_DEFAULT: list[Gazetteer] = []


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    language: str | None = None,
    mentions: bool = False,
) -> Facts:
    """The facts of ``text``; ``published`` wins over any date the text itself gives.

    A country is a place where something happens there ("a visit to Japan"), not where it acts
    ("Japan proposed"), and a name inside a person's title is part of the title; with
    ``mentions`` every mention of a name is kept instead, as entity recognition counts them
    (``tandem eval ner``)."""
    if gazetteer is None:
        if not _DEFAULT:
            _DEFAULT.append(default_gazetteer())
        gazetteer = _DEFAULT[0]
    text = normalise(text)
    header = parse_header(text, published)
    language = language or detect_language(text)
    rules = RULES[language]
    start = header.headline_span[0]
    spans = sentences(text, start)
    found_dates = []
    for span in spans:
        found_dates.extend(find_dates(text, span, language, header.published, rules.is_future))
    if header.dateline_span:
        d0, d1 = header.dateline_span
        found_dates = [d for d in found_dates if not d0 <= d.start < d1]
    ctx = Context(
        text=text,
        language=language,
        published=header.published,
        start=start,
        sentences=spans,
        gazetteer=gazetteer,
        matches=gazetteer.find(text, language, start),
        dates=found_dates,
        dateline=header.dateline_span,
        mentions=mentions,
    )
    people = not_calendar(rules.people(ctx))
    organisations = not_calendar(rules.organisations(ctx))
    places = not_calendar(rules.places(ctx, people, organisations))
    people, organisations, places = (
        not_calendar(rows) for rows in with_models(ctx, people, organisations, places)
    )
    people, organisations, places = (  # a name the headline alone gives is no fact
        supported_by_body(rows, header.headline_span, text)
        for rows in (people, organisations, places)
    )
    known = {place.name.casefold() for place in places}
    taken = [span for place in places for span in place.spans]
    places += [
        country
        for country in countries_as_places(text, language, start)
        if country.name.casefold() not in known
        and not (mentions and any(s < e2 and s2 < e for s, e in country.spans for s2, e2 in taken))
    ]
    ctx.places = places
    facts = Facts(
        language=language,
        published=header.published,
        headline=header.headline,
        text=text,
        people=people,
        organisations=organisations,
        places=places,
        events=find_events(ctx),
        figures=with_quantities(ctx, _merge(rules.figures(ctx))),
        themes=find_themes(
            text[start:], language, [(s - start, e - start) for s, e in ctx.role_spans]
        ),
        dates=[DateFact(d.date, d.relative, (d.start, d.end)) for d in found_dates if d.date],
    )
    return facts


def _merge(figures):  # type: ignore[no-untyped-def]
    from tandem.press.extraction.context import merge_figures

    return merge_figures(figures)


def with_quantities(ctx: Context, figures: list[FigureFact]) -> list[FigureFact]:
    """The language rules' counted figures, then every amount, percentage and count they
    did not already cover (nothing inside a date or the dateline)."""
    taken = [span for figure in figures for span in figure.spans]
    for quantity in find_quantities(ctx.text, ctx.language, ctx.start):
        start, end = quantity.start, quantity.end
        if ctx.masked(start, end) or any(s < end and start < e for s, e in taken):
            continue
        exact = quantity.value != int(quantity.value) or len(quantity.unit) == 3
        figures.append(
            FigureFact(
                subject=quantity.unit or "figure",
                value=int(quantity.value),
                qualifier=quantity.qualifier,
                spans=[(start, end)],
                amount=quantity.value if exact else None,
                unit=quantity.unit or None,
            )
        )
    return figures


# Month and weekday names are dates, never places, people or organisations ("in November").
CALENDAR_WORD = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяю]|июн\w*|июл\w*|август\w*|сентябр\w*|"
    r"октябр\w*|ноябр\w*|декабр\w*|понедельник\w*|вторник\w*|сред[аыу]|четверг\w*|"
    r"пятниц\w*|суббот\w*|воскресень\w*|\d{1,2}月|[月火水木金土日]曜日?)",
    re.IGNORECASE,
)


def not_calendar(rows: list[Row]) -> list[Row]:
    """Names that are not month or weekday names ("in November" names no place), and that
    hold a letter and no pictograph (page furniture: "🕛", "Хабаровск 🔍")."""
    return [
        row
        for row in rows
        if not CALENDAR_WORD.fullmatch(row.name.strip())
        and any(char.isalpha() for char in row.name)
        and not any(unicodedata.category(char) == "So" for char in row.name)
    ]
