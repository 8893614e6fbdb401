"""``tandem eval press DIR``: extraction of every text, the corpus's scorer run on the outputs,
precision, recall and F1 per kind and language (a small gold and scorer written here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tandem.evaluation import cli
from tandem.evaluation.press import f1, parse_score_line

# A stand-in for the scorer that ships beside a gold: same command line, same one-line output,
# and a ``matches`` function (name equality) that the evaluation borrows for precision.
SCORER = """
import json, sys
from pathlib import Path

def matches(kind, item, gold):
    name = item.get("name") if isinstance(item, dict) else item
    return any(name == form for form in gold.get("names", []))

if __name__ == "__main__":
    gold = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    found = 0
    for a in gold["articles"]:
        out = Path(sys.argv[2], Path(a["file"]).stem + ".json").read_text(encoding="utf-8")
        people = json.loads(out)["people"]
        found += sum(any(matches("people", p, g) for p in people) for g in a["people"])
    total = sum(len(a["people"]) for a in gold["articles"])
    print(f"people R={found / total:.2f} P=1.00 organisations R=0.50 P=0.80 places R=1.00 "
          f"events R=0.00 figures R=1.00 ({total} facts)")
"""


def write_set(folder: Path) -> tuple[Path, Path]:
    texts = folder / "texts"
    texts.mkdir()
    (texts / "en01-2020-03-02-visit.txt").write_text(
        "Foreign Minister Taro Kono arrived in Moscow on Monday for talks.\n", encoding="utf-8"
    )
    (texts / "ru01-2020-03-02-visit.txt").write_text(
        "Министр иностранных дел Японии Таро Коно прибыл в Москву в понедельник.\n",
        encoding="utf-8",
    )
    gold_dir = folder / "gold"
    gold_dir.mkdir()
    article = {"people": [{"names": ["Taro Kono", "Таро Коно"]}], "places": [{"names": ["Moscow"]}]}
    gold = {
        "articles": [
            {"file": "en01-2020-03-02-visit.txt", "language": "en"} | article,
            {"file": "ru01-2020-03-02-visit.txt", "language": "ru"} | article,
        ]
    }
    (gold_dir / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (gold_dir / "score.py").write_text(SCORER, encoding="utf-8")
    return texts, gold_dir / "gold.json"


def test_the_scorers_line_gives_recall_and_precision_per_kind() -> None:
    scores = parse_score_line(
        "people R=0.96 P=0.97 organisations R=0.78 P=0.93 places R=0.83 events R=0.59 "
        "figures R=1.00 (484 facts)"
    )
    assert scores["people"] == {"recall": 0.96, "precision": 0.97}
    assert scores["events"] == {"recall": 0.59, "precision": None}
    assert f1(0.5, 1.0) == pytest.approx(2 / 3)
    assert f1(None, 0.5) is None


def test_eval_press_measures_each_language_with_the_scorer_beside_the_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts, gold = write_set(tmp_path)
    out = tmp_path / "out"
    assert cli.main(["press", str(texts), "--gold", str(gold), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "en (scorer): people R=1.00" in printed
    assert "ru (scorer): people R=1.00" in printed
    # organisations: P 0.80 R 0.50 from the scorer, F1 computed here
    assert "organisations  P  0.80  R  0.50  F1  0.62" in printed
    # places: precision counted with the scorer's own matching (Moscow is right, Москву is not)
    assert "places         P  0.50  R  1.00  F1  0.67" in printed
    assert "development figures" in printed
    extracted = json.loads((out / "en01-2020-03-02-visit.json").read_text(encoding="utf-8"))
    assert extracted["published"] == "2020-03-02"  # the date in the file's name


def test_eval_press_without_a_gold_says_so(tmp_path: Path) -> None:
    assert cli.main(["press", str(tmp_path), "--gold", str(tmp_path / "gold.json")]) == 2
