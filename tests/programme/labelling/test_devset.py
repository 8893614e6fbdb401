"""The illustrative development set: size, balance, valid labels, apart from the example bank."""

import json
from collections import Counter
from pathlib import Path

import pytest

from tandem.programme.labelling import load_labels
from tandem.programme.labelling.examples import bundled_examples, project_text

pytestmark = pytest.mark.unit

DEVSET = Path(__file__).resolve().parents[2] / "data" / "labelling" / "devset.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines()]


def test_devset_has_150_projects_a_third_in_each_language_and_two_splits() -> None:
    rows = _rows()
    assert len(rows) >= 150
    by_language = Counter(r["language"] for r in rows)
    assert set(by_language) == {"en", "ja", "ru"}
    assert max(by_language.values()) - min(by_language.values()) <= 3
    assert {r["split"] for r in rows} == {"tune", "held-out"}
    assert len({r["id"] for r in rows}) == len(rows)


def test_devset_labels_are_valid_and_the_primary_is_listed_first() -> None:
    labels = load_labels()
    for row in _rows():
        assert row["plan_areas"][0] == row["primary_plan_area"]
        assert set(row["plan_areas"]) <= set(labels.ids("plan_areas"))
        assert row["national_projects"]
        assert set(row["national_projects"]) <= set(labels.ids("national_projects"))


def test_devset_and_example_bank_share_no_text() -> None:
    bank = {project_text(e.title, e.description) for e in bundled_examples()}
    bank_titles = {e.title for e in bundled_examples()}
    for row in _rows():
        assert project_text(row["title"], row["description"]) not in bank
        assert row["title"] not in bank_titles
