"""Command line: ``python -m tandem.fairs.scheduling EVENT.json [-o OUT.json] [options]``.

* default: schedule the event, write the schedule JSON to ``-o`` (or stdout) and one summary line
  to stderr: ``scheduled N of M accepted requests, objective X, bound B, gap G %, S s``;
* ``--quick``: the first-come-first-served baseline instead of the solver;
* ``--validate SCHEDULE.json``: check a (hand-edited) schedule against the event; conflicts are
  printed one per line on stdout, exit code 1 if there are any.

Exit codes: 0 success, 1 conflicts found (``--validate``) or output not writable, 2 bad input
(one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .io import EventError, load_event, load_json, parse_meetings, schedule_to_json
from .model import Event, Schedule
from .quick import quick_schedule
from .solver import solve
from .validate import validate_meetings


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3f}"


def summary(event: Event, schedule: Schedule, seconds: float) -> str:
    accepted = sum(1 for r in event.requests if r.accepted)
    bound = schedule.bound
    if bound is None:
        tail = "bound none, gap unknown"
    else:
        gap = 0.0 if bound <= 0 else 100.0 * (bound - schedule.objective) / bound
        tail = f"bound {_fmt(bound)}, gap {gap:.2f} %"
    return (
        f"scheduled {len(schedule.meetings)} of {accepted} accepted requests, "
        f"objective {_fmt(schedule.objective)}, {tail}, {seconds:.1f} s"
    )


def _write(text: str, output_path: str | None) -> int:
    if output_path is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output_path).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {output_path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def run(event_path: str, output_path: str | None, time_limit: float, seed: int) -> int:
    """Schedule ``event_path``; write JSON to ``output_path`` (stdout if None); exit code."""
    return _run(event_path, output_path, time_limit, seed, quick=False)


def _run(
    event_path: str, output_path: str | None, time_limit: float, seed: int, quick: bool
) -> int:
    start = time.monotonic()
    if not time_limit > 0:
        print(f"error: time limit must be positive, got {time_limit}", file=sys.stderr)
        return 2
    try:
        event = load_event(event_path)
        left = max(0.1, time_limit - (time.monotonic() - start))
        schedule = quick_schedule(event) if quick else solve(event, left, seed)
    except EventError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    code = _write(schedule_to_json(schedule), output_path)
    print(summary(event, schedule, time.monotonic() - start), file=sys.stderr)
    return code


def validate(event_path: str, schedule_path: str) -> int:
    try:
        event = load_event(event_path)
        meetings = parse_meetings(load_json(schedule_path))
    except EventError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    conflicts = validate_meetings(event, meetings)
    for c in conflicts:
        print(f"{c.kind}: {c.message}")
    print(f"{len(conflicts)} conflict(s) in {len(meetings)} meetings", file=sys.stderr)
    return 1 if conflicts else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tandem schedule",
        description="Schedule B2B meetings of a trade fair (or check a schedule).",
    )
    parser.add_argument("event", help="event JSON file")
    parser.add_argument("-o", "--output", help="write the schedule here (default: stdout)")
    parser.add_argument("-t", "--time-limit", type=float, default=30.0, help="seconds (30)")
    parser.add_argument("-s", "--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--quick", action="store_true", help="first-come-first-served baseline")
    parser.add_argument("--validate", metavar="SCHEDULE", help="check this schedule instead")
    args = parser.parse_args(argv)
    if args.validate:
        return validate(args.event, args.validate)
    return _run(args.event, args.output, args.time_limit, args.seed, quick=args.quick)
