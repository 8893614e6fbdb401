"""The matchmaking glossary: English glosses of Japanese and Russian words in profiles.

Built at import time by :func:`tandem.core.embedding.glossary.glossary_from_names` from
reference data whose source is named, never from profiles or evaluation records:

1. the gazetteer shipped with tandem (regions and federal districts; see
   :func:`tandem.core.embedding.glossary.default_glossary`);
2. the embedded programme data (``tandem/programme/data/japan_russia.json``): the names of the
   plan's eight areas and of Russia's national projects in English, Japanese and Russian, so
   ``健康寿命`` and ``здравоохранение`` gain "Extending healthy life expectancy" and
   "Healthcare".

Each source is turned into a glossary on its own (a word glosses only if it is distinctive
within that source) and the two are merged, the gazetteer first. (The HS nomenclature's
chapter names were tried as a third source; they live in ``tandem.trade``, which matchmaking
may not import, and they made matching worse on the tune split.)
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from tandem.core.embedding.glossary import (
    Glossary,
    ParallelName,
    default_glossary,
    glossary_from_names,
)


def programme_names() -> list[ParallelName]:
    data_file = resources.files("tandem.programme.data").joinpath("japan_russia.json")
    data = json.loads(data_file.read_text(encoding="utf-8"))
    return [
        (item["en"], item["ja"], item["ru"])
        for key in ("plan_areas", "national_projects")
        for item in data[key]
    ]


@lru_cache(maxsize=1)
def matchmaking_glossary() -> Glossary:
    return default_glossary().merged(glossary_from_names(programme_names()))


def expand(text: str, language: str) -> str:
    """``text`` with the English glosses of the reference terms it contains appended."""
    return matchmaking_glossary().expand(text, language)


def glosses(text: str, language: str) -> list[str]:
    return matchmaking_glossary().glosses(text, language)
