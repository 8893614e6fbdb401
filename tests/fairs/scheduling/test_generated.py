"""Property-style checks on random events: validity, completeness, bound, determinism."""

from __future__ import annotations

import pytest

from tandem.fairs.scheduling import Schedule, parse_event, quick_schedule, solve, validate_schedule
from tandem.fairs.scheduling.bound import aggregated_bound, lp_bound
from tandem.fairs.scheduling.instance import Instance

pytestmark = pytest.mark.unit

SEEDS = [1, 2, 3, 4, 5, 6]


def check(event, schedule: Schedule) -> None:
    assert validate_schedule(event, schedule) == []
    placed = [m.request for m in schedule.meetings]
    left = [u.request for u in schedule.unscheduled]
    assert len(set(placed)) == len(placed)
    assert sorted(placed + left) == sorted(r.id for r in event.requests)
    assert all(u.reason for u in schedule.unscheduled)
    assert schedule.objective == sum(event.request(r).priority for r in placed)
    for m in schedule.meetings:
        req = event.request(m.request)
        sender, receiver = event.participant(req.sender), event.participant(req.receiver)
        expected = receiver.id if receiver.exhibitor else sender.id if sender.exhibitor else None
        assert m.booth == expected
        assert (m.table is None) == (expected is not None)


@pytest.mark.parametrize("seed", SEEDS)
def test_solver_is_valid_and_beats_the_baseline(sched_random_event, seed):
    event = parse_event(sched_random_event(seed))
    schedule = solve(event, time_limit=20, seed=seed, perturb_steps=60)
    check(event, schedule)
    quick = quick_schedule(event)
    check(event, quick)
    assert schedule.objective >= quick.objective
    assert schedule.bound is not None and schedule.bound >= schedule.objective


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_without_lp_still_valid(sched_random_event, seed):
    event = parse_event(sched_random_event(seed, n=30, m=120))
    schedule = solve(event, time_limit=20, seed=seed, use_lp=False, perturb_steps=40)
    check(event, schedule)
    assert schedule.bound is None


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_deterministic_for_same_input_and_seed(sched_random_event, seed):
    data = sched_random_event(seed)
    first = solve(parse_event(data), time_limit=20, seed=7, perturb_steps=60)
    second = solve(parse_event(data), time_limit=20, seed=7, perturb_steps=60)
    assert first == second


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_pins_from_a_previous_run_are_kept(sched_random_event, seed):
    data = sched_random_event(seed)
    event = parse_event(data)
    first = solve(event, time_limit=20, seed=seed, perturb_steps=30)
    pins = [
        {"request": m.request, "slot": m.slot, "table": m.table, "interpreter": m.interpreter}
        for m in first.meetings[::3]
    ]
    data["pinned"] = pins
    event2 = parse_event(data)
    second = solve(event2, time_limit=20, seed=seed + 1, perturb_steps=30)
    check(event2, second)
    placed = {m.request: m for m in second.meetings}
    for pin in pins:
        m = placed[pin["request"]]
        assert (m.slot, m.table, m.interpreter) == (pin["slot"], pin["table"], pin["interpreter"])


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_bounds_are_upper_bounds(sched_random_event, seed):
    event = parse_event(sched_random_event(seed, n=25, m=90, slots=5))
    inst = Instance(event)
    best = solve(event, time_limit=20, seed=seed, perturb_steps=200).objective
    lp = lp_bound(inst, time_limit=20)
    aggregated = aggregated_bound(inst, time_limit=20)
    assert lp is not None and lp >= best
    assert aggregated is not None and aggregated >= lp  # a sum of the LP's rows: looser


def test_generated_events_reach_the_lp_bound_closely(sched_random_event):
    total = bound = 0.0
    for seed in SEEDS[:4]:
        s = solve(parse_event(sched_random_event(seed)), time_limit=20, seed=0, perturb_steps=150)
        assert s.bound is not None
        total += s.objective
        bound += s.bound
    assert total >= 0.98 * bound


@pytest.mark.parametrize("seed", range(10, 18))
def test_tight_events_survive_long_searches(sched_random_event, seed):
    # Few slots, tables and interpreters: many ejections, relocations and re-assignments;
    # without the LP the search cannot stop at the bound and runs every step.
    data = sched_random_event(seed, n=30, m=200, slots=4)
    data["event"]["tables"] = data["event"]["tables"][:1]
    event = parse_event(data)
    schedule = solve(event, time_limit=20, seed=seed, use_lp=False, perturb_steps=250)
    check(event, schedule)
    assert schedule.objective >= quick_schedule(event).objective
