"""``tandem eval labels DIR``: scoring of label suggestion on a tiny labelled set written here.

The texts are made up for these tests; the suggester runs with the model-free hashing
embedder, so the figures come from its lexical evidence (cue words, the Far East gazetteer).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.evaluation.cli import main as eval_main
from tandem.evaluation.labels import Counts, GoldProject, f1, main, read_gold
from tandem.programme.labelling import Suggester

pytestmark = pytest.mark.unit

TEXTS = {
    "set-en-01": "A new hospital wing in Kazan: cancer diagnostics and rehabilitation of patients.",
    "set-ja-01": "ハバロフスクで野菜の温室を建設し、年間を通じて出荷する。",
    "set-ru-01": "Студенческий обмен между университетами Москвы и Токио, стажировки молодёжи.",
}
LABELS = {
    "set-en-01": {"plan_areas": ["P1"], "national_projects": ["N2"]},
    "set-ja-01": {"plan_areas": ["P6"], "national_projects": []},
    "set-ru-01": {"plan_areas": ["P8"], "national_projects": []},
}


@pytest.fixture
def labelled_set(tmp_path: Path) -> tuple[Path, Path]:
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in TEXTS.items():
        (texts / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    labels = tmp_path / "gold" / "labels.json"
    labels.parent.mkdir()
    labels.write_text(json.dumps(LABELS), encoding="utf-8")
    return texts, labels


def test_f1_counts_an_empty_gold_list_with_nothing_chosen_as_right() -> None:
    assert f1(0, 0, 0) == 1.0
    assert f1(2, 1, 1) == pytest.approx(4 / 6)
    assert f1(0, 1, 0) == 0.0


def test_counts_score_top1_and_micro_f1_per_group() -> None:
    suggester = Suggester(HashingEmbedder(dimension=64))
    gold = GoldProject("x", "en", TEXTS["set-en-01"], ("P1",), ("N2",))
    counts = Counts()
    counts.add(gold, suggester.suggest(gold.text, "en"))
    scores = counts.scores()
    assert scores["projects"] == 1
    assert scores["top1"] in (0.0, 1.0)
    assert 0.0 <= scores["np_f1"] <= 1.0


def test_read_gold_takes_the_language_from_the_id_and_reports_missing_texts(
    labelled_set: tuple[Path, Path],
) -> None:
    texts, labels = labelled_set
    (texts / "set-ru-01.txt").unlink()
    gold, missing = read_gold(texts, labels)
    assert [g.id for g in gold] == ["set-en-01", "set-ja-01"]
    assert [g.language for g in gold] == ["en", "ja"]
    assert gold[1].plan_areas == ("P6",) and gold[1].national_projects == ()
    assert missing == ["set-ru-01"]


def test_read_gold_prefers_the_manifest_language(labelled_set: tuple[Path, Path]) -> None:
    texts, labels = labelled_set
    items = [{"file": "set-en-01", "language": "ru"}]
    labels.with_name("manifest.json").write_text(json.dumps({"items": items}), encoding="utf-8")
    gold, _ = read_gold(texts, labels)
    assert gold[0].language == "ru"


def test_eval_labels_prints_a_row_per_language_and_overall(
    labelled_set: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    texts, labels = labelled_set
    suggester = Suggester(HashingEmbedder(dimension=64))
    assert main([str(texts), "--labels", str(labels), "--show"], suggester=suggester) == 0
    out = capsys.readouterr().out
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("| ")}
    assert {"en", "ja", "ru", "all"} <= set(rows)
    assert "| all | 3 |" in rows["all"]
    assert all(len(line.split("|")) == 7 for line in rows.values())


def test_eval_labels_rejects_a_missing_folder_or_labels(
    tmp_path: Path, labelled_set: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    texts, labels = labelled_set
    assert eval_main(["labels", str(tmp_path / "nowhere"), "--labels", str(labels)]) == 2
    assert eval_main(["labels", str(texts), "--labels", str(tmp_path / "none.json")]) == 2
    assert "no labels" in capsys.readouterr().err
