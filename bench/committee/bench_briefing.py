"""The briefing pack and the agenda proposal on a registry of 2,000 projects.

    PYTHONPATH=src python bench/committee/bench_briefing.py [--projects 2000] [--repeat 2]

Builds a throw-away SQLite database in a temporary TANDEM_DATA_DIR (load-default, demo
organisations, N illustrative projects, the demo committee), then times, for session 16:

- the agenda proposal (``propose_agenda``): goal under 1 s;
- the briefing pack in each language as PDF and as HTML (``render_briefing``): goal under 10 s.

Writes a markdown table to bench/results/committee.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "results" / "committee.md"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="tandem-bench-committee-")
    os.environ["TANDEM_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from tandem.committee.exporters.briefing import render_briefing
    from tandem.committee.selectors.agenda import propose_agenda
    from tandem.committee.selectors.sessions import default_as_of, session_by_number
    from tandem.committee.services.demo import committee_demo_create
    from tandem.core.actors import DEMO_ACTOR
    from tandem.core.models import User
    from tandem.core.services.demo import demo_data_create
    from tandem.projects.services.demo import demo_projects_create

    call_command("migrate", verbosity=0)
    call_command("load_default", verbosity=0)
    demo_data_create(seed=2019, organisations=120, people=0, actor=None)
    demo_projects_create(seed=2019, count=args.projects, actor=DEMO_ACTOR)
    committee_demo_create(seed=2019)
    session = session_by_number(16)
    assert session is not None
    reader = User(role="auditor", is_active=True)
    as_of = default_as_of(session)

    def best(run: object) -> tuple[float, object]:
        times, result = [], None
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = run()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times), result

    rows = []
    seconds, proposals = best(lambda: propose_agenda(session, as_of=as_of))
    rows.append(("agenda proposal", "-", seconds, f"{len(proposals)} items", 1.0))  # type: ignore[arg-type]
    for language in ("en", "ja", "ru"):
        for file_format in ("pdf", "html"):
            seconds, content = best(
                lambda language=language, file_format=file_format: render_briefing(
                    session, reader, language=language, file_format=file_format, as_of=as_of
                )
            )
            size = f"{len(content) / 1024:,.0f} KiB"  # type: ignore[arg-type]
            rows.append((f"briefing pack {file_format.upper()}", language, seconds, size, 10.0))
    lines = [
        "## Committee: briefing pack and agenda proposal",
        "",
        f"Session 16 over {args.projects:,} joint projects (best of {args.repeat}; SQLite).",
        "",
        "| operation | language | seconds | output | goal | met |",
        "|---|---|---:|---|---:|---|",
    ]
    for name, language, seconds, output, goal in rows:
        met = "yes" if seconds < goal else "NO"
        lines.append(f"| {name} | {language} | {seconds:.2f} | {output} | < {goal:.0f} s | {met} |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(seconds < goal for _n, _l, seconds, _o, goal in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
