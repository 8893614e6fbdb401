"""``tandem eval ner DIR``: people, organisations and places found by the press extraction,
measured on public NER datasets (pure Python: no Django).

Each document is read in its set's own format (:mod:`tandem.evaluation.ner_sets`, where the
mapping of each set's types is written down), run through
:func:`tandem.press.extraction.extract` in its language, and every span of the people,
organisations and places found is compared with the annotated entities by **exact match**
of kind, start and end (a span one character off is both a false positive and a miss).
The text goes in after a line ``date 2000-01-01``, so that no line of it is taken as a
headline; the offsets are those of the set's own text. The extraction runs with
``mentions=True``: every mention of a name counts (a country wherever it is named, a place
inside a person's title), as the sets annotate them.

Beside the exact-span figures, a **token-level** F1 is given (each word or mark of the text is
in or out of a kind's names, for the gold and the found; the measure of natasha's published
Russian figures, naeval's ``tag_f1``): it gives partial credit for a name found with one word
too many or too few and weighs long names more; it is given for comparison with published
figures and is no substitute for the exact ones.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tandem.evaluation.ner_sets import KINDS, LAYOUT, MAPPINGS, Document, Entity, read_sets

PREFIX = "date 2000-01-01\n"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.tp + self.fn,
            "found": self.tp + self.fp,
            "tp": self.tp,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Result:
    """Tallies per kind for one set (or one language), and the time the extraction took."""

    name: str
    language: str
    documents: int = 0
    seconds: float = 0.0
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    tokens: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})

    def add(self, other: Result) -> None:
        self.documents += other.documents
        self.seconds += other.seconds
        for kind in KINDS:
            self.kinds[kind].add(other.kinds[kind])
            self.tokens[kind].add(other.tokens[kind])


def score(gold: list[Entity], found: list[Entity]) -> dict[str, Tally]:
    """Exact-match tallies per kind: a found span counts when a gold entity has the same
    kind, start and end; each distinct span counts once."""
    tallies = {kind: Tally() for kind in KINDS}
    gold_set, found_set = set(gold), set(found)
    for entity in found_set:
        if entity.kind not in tallies:
            continue
        if entity in gold_set:
            tallies[entity.kind].tp += 1
        else:
            tallies[entity.kind].fp += 1
    for entity in gold_set - found_set:
        if entity.kind in tallies:
            tallies[entity.kind].fn += 1
    return tallies


TOKEN = re.compile(r"\w+|[^\w\s]")


def score_tokens(text: str, gold: list[Entity], found: list[Entity]) -> dict[str, Tally]:
    """Token-level tallies per kind: each word or mark of ``text`` is in a kind's names or
    not, in the gold and in the found (naeval's ``tag_f1``)."""
    tallies = {kind: Tally() for kind in KINDS}
    for m in TOKEN.finditer(text):
        start, end = m.span()
        for kind, tally in tallies.items():
            in_gold = any(e.kind == kind and e.start < end and start < e.end for e in gold)
            in_found = any(e.kind == kind and e.start < end and start < e.end for e in found)
            if in_gold and in_found:
                tally.tp += 1
            elif in_found:
                tally.fp += 1
            elif in_gold:
                tally.fn += 1
    return tallies


def prepared(text: str) -> tuple[str, list[int]] | None:
    """``text`` as the extraction normalises it (no spaces at line ends, no blank lines at
    either end, no-break spaces as spaces), and for each offset of ``text`` its new offset;
    None where normalising would change more than that."""
    from tandem.press.extraction.text import normalise

    text = text.replace("\u00a0", " ")
    drop = [False] * len(text)
    for m in re.finditer(r"[^\S\n]+(?=\n|$)", text):
        for i in range(m.start(), m.end()):
            drop[i] = True
    kept = [i for i in range(len(text)) if not drop[i]]
    while kept and text[kept[0]] == "\n":
        drop[kept.pop(0)] = True
    while kept and text[kept[-1]] == "\n":
        drop[kept.pop()] = True
    offsets, position = [], 0
    for i in range(len(text)):
        offsets.append(position)
        position += 0 if drop[i] else 1
    offsets.append(position)
    new = "".join(text[i] for i in kept)
    return (new, offsets) if normalise(new) == new else None


def found_entities(text: str, language: str) -> list[Entity]:
    """The people, organisations and places the press extraction finds in ``text``."""
    from tandem.press.extraction import extract

    facts = extract(PREFIX + text, language=language, mentions=True)
    shift = len(PREFIX)
    rows: list[tuple[str, list[Any]]] = [
        ("person", facts.people),
        ("organisation", facts.organisations),
        ("place", facts.places),
    ]
    return [
        Entity(start - shift, end - shift, kind)
        for kind, facts_of_kind in rows
        for fact in facts_of_kind
        for start, end in fact.spans
        if start >= shift
    ]


def evaluate(documents: list[Document]) -> tuple[Result, int]:
    """The tallies of one set, and how many documents could not be read as they are."""
    first = documents[0] if documents else None
    result = Result(first.dataset if first else "", first.language if first else "")
    skipped = 0
    for document in documents:
        ready = prepared(document.text)
        if ready is None:
            skipped += 1
            continue
        text, offsets = ready
        gold = [Entity(offsets[e.start], offsets[e.end], e.kind) for e in document.entities]
        began = time.perf_counter()
        found = found_entities(text, document.language)
        result.seconds += time.perf_counter() - began
        result.documents += 1
        for kind, tally in score(gold, found).items():
            result.kinds[kind].add(tally)
        for kind, tally in score_tokens(text, gold, found).items():
            result.tokens[kind].add(tally)
    return result, skipped


def by_language(results: list[Result]) -> list[Result]:
    totals: dict[str, Result] = {}
    for result in results:
        total = totals.setdefault(
            result.language, Result(f"all {result.language}", result.language)
        )
        total.add(result)
    return list(totals.values())


def report_text(results: list[Result], languages: list[Result], models: bool) -> str:
    lines = [
        "Entity recognition: exact span match; outermost entities of the targeted types; "
        + ("models on" if models else "rules only (no models)"),
        f"{'set':<26}{'lang':<6}{'kind':<14}{'gold':>6}{'found':>7}{'tp':>6}"
        f"{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for result in [*results, *languages]:
        for kind in KINDS:
            t = result.kinds[kind]
            lines.append(
                f"{result.name:<26}{result.language:<6}{kind:<14}{t.tp + t.fn:>6}"
                f"{t.tp + t.fp:>7}{t.tp:>6}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}"
            )
    lines.append("Token-level F1 (partial credit; naeval's measure), same runs:")
    for result in [*results, *languages]:
        lines.append(
            f"{result.name:<26}{result.language:<6}"
            + "  ".join(f"{kind} {result.tokens[kind].f1:.3f}" for kind in KINDS)
        )
    for result in results:
        per = result.seconds / result.documents if result.documents else 0.0
        lines.append(
            f"{result.name}: {result.documents} documents, {result.seconds:.1f} s "
            f"({per * 1000:.0f} ms a document)"
        )
    return "\n".join(lines)


def as_json(results: list[Result], languages: list[Result], models: bool) -> dict[str, Any]:
    def one(result: Result) -> dict[str, Any]:
        return {
            "name": result.name,
            "language": result.language,
            "documents": result.documents,
            "seconds": round(result.seconds, 3),
            "kinds": {kind: result.kinds[kind].as_dict() for kind in KINDS},
            "tokens": {kind: result.tokens[kind].as_dict() for kind in KINDS},
        }

    return {
        "match": "exact span (kind, start, end)",
        "entities": "outermost of the targeted types",
        "models": models,
        "mapping": {name: MAPPINGS[name] for name in (r.name for r in results)},
        "sets": [one(r) for r in results],
        "languages": [one(r) for r in languages],
    }


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="tandem eval ner",
        description="Precision, recall and F1 of people, organisations and places found by "
        "the press extraction on public NER sets (exact span match).",
    )
    parser.add_argument("dir", type=Path, help="folder holding the sets (realdata/ner)")
    parser.add_argument("--limit", type=int, default=0, help="at most N documents of each set")
    parser.add_argument("--set", action="append", choices=sorted(LAYOUT), dest="sets")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--no-models", action="store_true", help="rules only: no statistical model")
    args = parser.parse_args(list(argv))
    if not args.dir.is_dir():
        print(f"no such folder: {args.dir}", file=sys.stderr)
        return 2
    sets = read_sets(args.dir, args.sets)
    if not sets:
        print(f"no NER set in {args.dir} (expected {', '.join(LAYOUT)})", file=sys.stderr)
        return 2
    from tandem.press.extraction import models

    models.enable(not args.no_models)
    results = []
    for documents in sets.values():
        if args.limit:
            documents = documents[: args.limit]
        result, skipped = evaluate(documents)
        if skipped:
            print(
                f"{result.name}: {skipped} documents skipped (text changes when normalised)",
                file=sys.stderr,
            )
        results.append(result)
    languages = by_language(results)
    if args.json:
        print(
            json.dumps(
                as_json(results, languages, not args.no_models), ensure_ascii=False, indent=1
            )
        )
    else:
        print(report_text(results, languages, not args.no_models))
    return 0
