"""The scheduler behind the database: a generated event (bench/fairs/event_generator.py) is
loaded into a fair of a fresh SQLite database, then timed: turning the fair into the solver's
event, computing and saving a version (solver included), publishing it, the table plan and
one agenda. Shows what the database adds around the solver. Writes bench/results/fairs_db.md.

    PYTHONPATH=src python bench/fairs/bench_fairs_db.py [--participants 800] [--requests 5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "fairs_db.md"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def load(fair: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Bulk-load the event into ``fair`` (a loader for the bench, not a service)."""
    from tandem.core.models import Country
    from tandem.fairs.models import (
        FairParticipant,
        Interpreter,
        MeetingRequest,
        MeetingSlot,
        MeetingTable,
    )

    zone = dt.UTC
    sides = {c.code: c for c in Country.objects.all()}
    event = data["event"]
    slots = MeetingSlot.objects.bulk_create(
        MeetingSlot(
            fair=fair,
            code=s["id"],
            start=dt.datetime.fromisoformat(s["start"]).replace(tzinfo=zone),
            end=dt.datetime.fromisoformat(s["end"]).replace(tzinfo=zone),
        )
        for s in event["slots"]
    )
    slot_pk = {s.code: s.pk for s in slots}
    MeetingTable.objects.bulk_create(MeetingTable(fair=fair, code=t["id"]) for t in event["tables"])
    interpreters = Interpreter.objects.bulk_create(
        Interpreter(fair=fair, name=i["id"], languages=i["languages"])
        for i in event["interpreters"]
    )
    Interpreter.available_slots.through.objects.bulk_create(
        Interpreter.available_slots.through(interpreter_id=row.pk, meetingslot_id=slot_pk[s])
        for row, i in zip(interpreters, event["interpreters"], strict=True)
        for s in i.get("available", [])
    )
    participants = FairParticipant.objects.bulk_create(
        FairParticipant(
            fair=fair,
            name=p["name"],
            side=sides.get(p["country"], fair.country),  # third countries: the host's side
            is_exhibitor=p["exhibitor"],
            booth=p["id"] if p["exhibitor"] else "",
            languages=p.get("languages", []),
        )
        for p in data["participants"]
    )
    by_id = {p["id"]: row.pk for p, row in zip(data["participants"], participants, strict=True)}
    FairParticipant.available_slots.through.objects.bulk_create(
        FairParticipant.available_slots.through(
            fairparticipant_id=by_id[p["id"]], meetingslot_id=slot_pk[s]
        )
        for p in data["participants"]
        for s in (p["available"] if len(p["available"]) < len(slots) else [])
    )
    now = dt.datetime.now(dt.UTC)
    MeetingRequest.objects.bulk_create(
        MeetingRequest(
            fair=fair,
            sender_id=by_id[r["from"]],
            receiver_id=by_id[r["to"]],
            priority=int(r["priority"]),
            status=r["status"]
            if r["status"] in ("accepted", "pending", "declined")
            else "withdrawn",
            created_at=now,
            expires_at=now + dt.timedelta(days=7),
        )
        for r in data["requests"]
        if r["from"] != r["to"]
    )
    return by_id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=800)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["TANDEM_DATA_DIR"] = data_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings.base")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("load_default", verbosity=0)
        from event_generator import generate_event

        from tandem.fairs.models import Fair, FairParticipant, ScheduledMeeting
        from tandem.fairs.selectors.agenda import participant_agenda, table_plan
        from tandem.fairs.selectors.event import fair_event
        from tandem.fairs.services.schedules import schedule_compute, schedule_publish

        fair = Fair.objects.get(slug="innoprom-2019")
        data = generate_event(args.participants, args.requests, seed=1)
        timings: list[tuple[str, float]] = []

        def timed(label: str, work: Any) -> Any:
            start = time.perf_counter()
            result = work()
            timings.append((label, time.perf_counter() - start))
            return result

        timed("load the event (bulk)", lambda: load(fair, data))
        mapped = timed("fair → solver event", lambda: fair_event(fair))
        version = timed(
            f"compute and save a version (solver, limit {args.time_limit:g} s)",
            lambda: schedule_compute(fair=fair, time_limit=args.time_limit, actor=None),
        )
        timed("publish", lambda: schedule_publish(version=version, actor=None))
        plan = timed("table plan of every slot", lambda: table_plan(version))
        busiest = FairParticipant.objects.filter(fair=fair).order_by("pk").first()
        timed("one participant's agenda", lambda: participant_agenda(version, busiest))
        meetings = ScheduledMeeting.objects.filter(version=version).count()
    lines = [
        "## The scheduler behind the database",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; SQLite; generated event "
        f"(seed 1): {args.participants} participants, {args.requests} requests, "
        f"{len(mapped.requests)} accepted; {meetings} meetings placed in {len(plan)} slots, "
        f"objective {version.objective:g}, bound {version.bound}, "
        f"first come first served {version.baseline}. "
        "`bench/fairs/bench_fairs_db.py`.",
        "",
        "| step | seconds |",
        "|---|---:|",
        *(f"| {label} | {seconds:.2f} |" for label, seconds in timings),
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
