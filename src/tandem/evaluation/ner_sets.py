"""Readers of public NER datasets, each in its own format (pure Python).

Every reader returns :class:`Document` rows: a text and the entities annotated in it, with
character offsets into that text and one of three kinds, ``person``, ``organisation`` or
``place``. Types outside these kinds are dropped *before* nesting is resolved, and of the
targeted entities only the outermost are kept (an organisation named with a city inside it is
one organisation, not also a place), because the extractor returns flat names. A mention
written in pieces (FactRuEval, NEREL) spans from its first piece's start to its last's end.

Mapping (dataset type → kind); every other type is not targeted:

- WikiGold (CoNLL, IO tags): PER → person, ORG → organisation, LOC → place (MISC dropped).
- Stockmark Wikipedia: 人名 → person; 法人名, 政治的組織名, その他の組織名 → organisation;
  地名 → place (施設名 facilities, 製品名, イベント名 dropped).
- FactRuEval-2016 objects: Person → person, Org → organisation, Location and LocOrg → place
  (Project dropped). A person spans its object (first name to surname); an organisation is
  each of its ``org_name`` spans and a place each of its ``loc_name`` spans, so descriptors
  (``org_descr`` "компании", ``loc_descr`` "площади", ``job``, ``geo_adj``) are not part of a
  name and a descriptor-only mention ("мэрии Москвы" with no ``org_name``) is no organisation:
  the dataset's own span types tell names from descriptors, and this is the reading natasha's
  benchmark (naeval, ``adapt_factru``) scores its published Russian figures on.
- NEREL: PERSON → person, ORGANIZATION → organisation; COUNTRY, STATE_OR_PROVINCE, CITY,
  DISTRICT, LOCATION → place (FACILITY and the other types dropped).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("person", "organisation", "place")

WIKIGOLD = {"PER": "person", "ORG": "organisation", "LOC": "place"}
STOCKMARK = {
    "人名": "person",
    "法人名": "organisation",
    "政治的組織名": "organisation",
    "その他の組織名": "organisation",
    "地名": "place",
}
FACTRUEVAL = {"Person": "person", "Org": "organisation", "Location": "place", "LocOrg": "place"}
# the span type that names an organisation or a place (the others describe it)
FACTRUEVAL_NAME_SPANS = {"organisation": "org_name", "place": "loc_name"}
NEREL = {
    "PERSON": "person",
    "ORGANIZATION": "organisation",
    "COUNTRY": "place",
    "STATE_OR_PROVINCE": "place",
    "CITY": "place",
    "DISTRICT": "place",
    "LOCATION": "place",
}
MAPPINGS = {
    "en-wikigold": WIKIGOLD,
    "ja-stockmark-wikipedia": STOCKMARK,
    "ru-factrueval": FACTRUEVAL,
    "ru-nerel": NEREL,
}


@dataclass(frozen=True, order=True)
class Entity:
    start: int
    end: int
    kind: str


@dataclass
class Document:
    dataset: str
    language: str
    name: str
    text: str
    entities: list[Entity] = field(default_factory=list)


def outermost(entities: list[Entity]) -> list[Entity]:
    """The entities not strictly inside another one (equal extents of two kinds both stay)."""
    unique = sorted(set(entities))
    return [
        e
        for e in unique
        if not any(
            o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end)
            for o in unique
        )
    ]


# --- WikiGold: "token TAG" lines, blank line between sentences, -DOCSTART- between documents

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def read_conll_io(path: Path, dataset: str = "en-wikigold", language: str = "en") -> list[Document]:
    """A CoNLL file with IO tags: a run of tokens with one tag is one entity; tokens are joined
    with spaces except before closing punctuation and after opening brackets."""
    documents: list[Document] = []
    sentences: list[list[tuple[str, str]]] = [[]]

    def close_document() -> None:
        rows = [s for s in sentences if s]
        if rows:
            documents.append(_conll_document(rows, dataset, language, len(documents) + 1))
        sentences[:] = [[]]

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            sentences.append([])
        elif parts[0] == "-DOCSTART-":
            close_document()
        else:
            sentences[-1].append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    close_document()
    return documents


def _conll_document(
    rows: list[list[tuple[str, str]]], dataset: str, language: str, number: int
) -> Document:
    text = ""
    entities: list[Entity] = []
    mapping = MAPPINGS.get(dataset, WIKIGOLD)
    for sentence in rows:
        if text:
            text += "\n"
        run: tuple[str, int, int] | None = None
        previous = ""
        for index, (token, tag) in enumerate(sentence):
            if index and token not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
                text += " "
            start = len(text)
            text += token
            previous = token
            label = tag.split("-", 1)[-1] if tag != "O" else ""
            begins = tag.startswith("B-")
            if run and (label != run[0] or begins):
                _close_run(run, mapping, entities)
                run = None
            if label:
                run = (label, run[1], len(text)) if run else (label, start, len(text))
        if run:
            _close_run(run, mapping, entities)
    return Document(dataset, language, f"document {number}", text, outermost(entities))


def _close_run(run: tuple[str, int, int], mapping: dict[str, str], out: list[Entity]) -> None:
    label, start, end = run
    if label in mapping:
        out.append(Entity(start, end, mapping[label]))


# --- Stockmark: a JSON list of {"text", "entities": [{"span": [s, e], "type"}]}


def read_stockmark(path: Path, dataset: str = "ja-stockmark-wikipedia") -> list[Document]:
    documents = []
    for index, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        entities = [
            Entity(e["span"][0], e["span"][1], STOCKMARK[e["type"]])
            for e in row.get("entities", [])
            if e["type"] in STOCKMARK
        ]
        name = f"sentence {index + 1} (curid {row.get('curid', '?')})"
        documents.append(Document(dataset, "ja", name, row["text"], outermost(entities)))
    return documents


# --- FactRuEval-2016: book_N.txt, .spans (id type start length ...), .objects (id type spans)


def read_factrueval(folder: Path, dataset: str = "ru-factrueval") -> list[Document]:
    documents = []
    for txt in sorted(folder.glob("*.txt"), key=_natural):
        stem = txt.with_suffix("")
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, int, int]] = {}
        for line in _lines(stem.with_suffix(".spans")):
            parts = line.split("#")[0].split()
            if len(parts) >= 4:
                spans[parts[0]] = (parts[1], int(parts[2]), int(parts[2]) + int(parts[3]))
        entities = []
        for line in _lines(stem.with_suffix(".objects")):
            parts = line.split("#")[0].split()
            if len(parts) < 3 or parts[1] not in FACTRUEVAL:
                continue
            kind = FACTRUEVAL[parts[1]]
            pieces = [spans[s] for s in parts[2:] if s in spans]
            if kind == "person" and pieces:
                start = min(s for _t, s, _e in pieces)
                end = max(e for _t, _s, e in pieces)
                entities.append(Entity(start, end, kind))
            else:
                name_type = FACTRUEVAL_NAME_SPANS.get(kind)
                entities += [Entity(s, e, kind) for t, s, e in pieces if t == name_type]
        documents.append(Document(dataset, "ru", txt.stem, text, outermost(entities)))
    return documents


# --- NEREL: brat standoff, NNN.txt and NNN.ann with "T1<TAB>TYPE s e[;s e]<TAB>text" lines

BRAT_ENTITY = re.compile(r"^T\d+\t(?P<type>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t")


def read_brat(folder: Path, dataset: str = "ru-nerel", language: str = "ru") -> list[Document]:
    documents = []
    for txt in sorted(folder.glob("*.txt"), key=_natural):
        text = txt.read_text(encoding="utf-8")
        entities = []
        for line in _lines(txt.with_suffix(".ann")):
            m = BRAT_ENTITY.match(line)
            if not m or m["type"] not in NEREL:
                continue
            numbers = [int(n) for n in re.findall(r"\d+", m["offsets"])]
            entities.append(Entity(min(numbers[0::2]), max(numbers[1::2]), NEREL[m["type"]]))
        documents.append(Document(dataset, language, txt.stem, text, outermost(entities)))
    return documents


def _lines(path: Path) -> Iterator[str]:
    if path.exists():
        yield from path.read_text(encoding="utf-8").splitlines()


def _natural(path: Path) -> tuple[int, str]:
    digits = re.findall(r"\d+", path.stem)
    return (int(digits[0]) if digits else 0, path.stem)


# The sets under one folder, as ../shared/realdata/ner lays them out (development parts).
LAYOUT = {
    "en-wikigold": lambda root: read_conll_io(root / "en-wikigold" / "wikigold.conll.txt"),
    "ja-stockmark-wikipedia": lambda root: read_stockmark(
        root / "ja-stockmark-wikipedia" / "ner-dev.json"
    ),
    "ru-factrueval": lambda root: read_factrueval(root / "ru-factrueval" / "devset"),
    "ru-nerel": lambda root: read_brat(root / "ru-nerel" / "dev"),
}


def read_sets(root: Path, names: list[str] | None = None) -> dict[str, list[Document]]:
    """Every set of ``root`` that is there (or those named), by name."""
    found = {}
    for name, reader in LAYOUT.items():
        if names and name not in names:
            continue
        if (root / name).is_dir():
            found[name] = reader(root)
    return found
