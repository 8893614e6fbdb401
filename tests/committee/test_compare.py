"""The comparison between two sessions, as a pure function of the status history."""

import datetime as dt

import pytest

from tandem.committee.briefing.compare import Change, alignment_matrix, compare, states_on

pytestmark = pytest.mark.unit

PROGRESS = {"idea": 0, "negotiation": 1, "agreed": 2, "under_implementation": 3, "completed": 4}
SINCE = dt.date(2019, 12, 19)
UNTIL = dt.date(2021, 10, 14)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


HISTORY = [
    Change(1, d("2018-01-01"), "idea"),  # stalled: no change for years
    Change(2, d("2018-01-01"), "idea"),
    Change(2, d("2020-05-01"), "agreed"),  # advanced in the window
    Change(3, d("2017-01-01"), "under_implementation"),
    Change(3, d("2021-01-01"), "completed"),  # completed in the window
    Change(4, d("2020-03-01"), "idea"),  # new in the window
    Change(5, d("2019-01-01"), "negotiation"),
    Change(5, d("2021-09-01"), "agreed"),  # advanced, recently
    Change(6, d("2019-01-01"), "agreed"),
    Change(6, d("2020-02-01"), "suspended"),  # neither: suspended is not forward
    Change(7, d("2022-01-01"), "idea"),  # after the as-of date: not counted at all
    Change(8, d("2021-06-01"), "negotiation"),  # changes in any order
    Change(8, d("2018-06-01"), "idea"),
]


def test_compare_groups_projects_by_what_happened_between_the_sessions() -> None:
    result = compare(HISTORY, since=SINCE, until=UNTIL, progress=PROGRESS)
    assert result.new == [4]
    assert result.advanced == [2, 5, 8]
    assert result.completed == [3]
    assert result.stalled == [1]
    assert result.counts() == {"new": 1, "advanced": 3, "stalled": 1, "completed": 1}


def test_compare_counts_statuses_on_the_as_of_date_only() -> None:
    result = compare(HISTORY, since=SINCE, until=UNTIL, progress=PROGRESS)
    assert 7 not in result.after
    assert result.status_counts == {
        "idea": 2,
        "agreed": 2,
        "completed": 1,
        "negotiation": 1,
        "suspended": 1,
    }
    assert sum(result.status_counts.values()) == 7


def test_compare_without_previous_session_finds_nothing_new() -> None:
    result = compare(HISTORY, since=None, until=UNTIL, progress=PROGRESS)
    assert result.new == [] and result.completed == [] and result.advanced == []
    assert result.stalled == [1, 2, 4]  # active, last change a year or more before the date


def test_states_on_takes_the_last_change_on_or_before_the_day() -> None:
    states = states_on(HISTORY, d("2020-06-01"))
    assert states[2].status == "agreed" and states[2].since == d("2020-05-01")
    assert states[8].status == "idea"
    assert 7 not in states


def test_alignment_matrix_counts_pairs_of_the_given_projects_only() -> None:
    matrix = alignment_matrix(
        [(1, "P5"), (1, "P3"), (2, "P6"), (9, "P1")],
        [(1, "N7"), (2, "N12"), (2, "N7"), (9, "N2")],
        [1, 2],
    )
    assert matrix == {("P5", "N7"): 1, ("P3", "N7"): 1, ("P6", "N12"): 1, ("P6", "N7"): 1}
