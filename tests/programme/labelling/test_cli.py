"""``tandem classify``: output lines, and one clear line on bad input (model-free)."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.programme.labelling.cli import main, run

pytestmark = pytest.mark.unit

Writer = Callable[[list[Any]], Path]

ROOT = Path(__file__).resolve().parents[3]

PROJECTS = [
    {"id": "jr-1", "language": "en", "title": "Fish processing in Primorye", "description": ""},
    {"id": "jr-2", "language": "ja", "title": "透析クリニック", "description": "日本の技術"},
    {"id": 3, "language": "ru", "title": "Бережливое производство", "description": None},
]


def test_classify_writes_one_line_per_project_in_input_order(
    write_projects: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labels.jsonl"
    status = run(str(write_projects(PROJECTS)), str(out), embedder=HashingEmbedder())
    assert status == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["jr-1", "jr-2", "3"]
    for line in lines:
        assert set(line) == {"id", "plan_areas", "national_projects"}
        assert len(line["plan_areas"]) == 8 and len(line["national_projects"]) == 13
        for item in line["plan_areas"] + line["national_projects"]:
            assert set(item) == {"id", "score", "chosen"}
    assert "P6" in {i["id"] for i in lines[0]["plan_areas"] if i["chosen"]}
    assert "classified 3/3" in capsys.readouterr().err


def test_classify_with_reasons_and_a_cache_file_reuses_vectors(
    write_projects: Writer, tmp_path: Path
) -> None:
    cache = tmp_path / "vectors.sqlite"
    embedder = HashingEmbedder()
    projects = str(write_projects(PROJECTS))
    assert run(projects, str(tmp_path / "a.jsonl"), cache_path=str(cache), embedder=embedder) == 0
    first = embedder.texts_embedded
    out = tmp_path / "b.jsonl"
    assert run(projects, str(out), cache_path=str(cache), embedder=embedder, reasons=True) == 0
    assert embedder.texts_embedded == first  # everything came from the cache
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert line["plan_areas"][0]["reason"]
    codes = {r["code"] for r in line["plan_areas"][0]["reasons"]}
    assert codes <= {"far_east_place", "mentions", "like_example", "close_to"} and codes


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["{not json"], "line 1: not JSON"),
        (["[1, 2]"], "expected a JSON object"),
        ([{"language": "en", "title": "x"}], "'id'"),
        ([{"id": "a", "language": "fr", "title": "x"}], "'language' must be one of en, ja, ru"),
        ([{"id": "a", "language": "en", "title": "", "description": ""}], "both empty"),
        ([{"id": "a", "language": "en", "title": 5}], "'title' must be a string"),
        (
            [
                {"id": "a", "language": "en", "title": "x"},
                {"id": "a", "language": "en", "title": "y"},
            ],
            "line 2: duplicate id 'a'",
        ),
        ([""], "no projects"),
    ],
)
def test_bad_input_prints_one_line_and_exits_2(
    write_projects: Writer, capsys: pytest.CaptureFixture[str], rows: list[Any], message: str
) -> None:
    status = main([str(write_projects(rows)), "-o", "-"])
    err = capsys.readouterr().err
    assert status == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_file_and_missing_output_directory_exit_2(
    write_projects: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    good = str(write_projects(PROJECTS[:1]))
    assert main([good, "-o", str(tmp_path / "no" / "dir" / "out.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_not_utf8_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"id": "a", "language": "en", "title": "caf\xe9"}\n'.encode("latin-1"))
    assert main([str(path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_unknown_option_exits_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--nonsense"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_module_runs_as_a_command_and_fails_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "tandem.programme.labelling.cli", str(bad)],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")},
        check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "tandem classify: error: " + proc.stderr.split("error: ", 1)[1].strip()
    ]
    assert "Traceback" not in proc.stderr
