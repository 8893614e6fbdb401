"""Facts in press articles, in English, Japanese and Russian (pure Python: no Django).

``extract(text, published=…, gazetteer=…)`` returns :class:`Facts`; ``read_article(path)``
turns a txt, html, pdf or docx file into text and the date its metadata gives.
"""

from tandem.press.extraction.facts import (
    DateFact,
    EventFact,
    Facts,
    FigureFact,
    NameFact,
    PersonFact,
)
from tandem.press.extraction.gazetteer import Entry, Gazetteer, default_gazetteer
from tandem.press.extraction.pipeline import extract
from tandem.press.extraction.reading import Article, read_article, read_bytes

__all__ = [
    "Article",
    "DateFact",
    "Entry",
    "EventFact",
    "Facts",
    "FigureFact",
    "Gazetteer",
    "NameFact",
    "PersonFact",
    "default_gazetteer",
    "extract",
    "read_article",
    "read_bytes",
]
