"""Fixtures for label-suggestion tests: a model-free suggester and a project file writer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.programme.labelling import Suggester


@pytest.fixture
def hashing_suggester() -> Suggester:
    """Model-free: meaningless vectors, so only the code paths and lexical evidence count."""
    return Suggester(HashingEmbedder(dimension=64))


@pytest.fixture
def write_projects(tmp_path: Path) -> Callable[[list[Any]], Path]:
    def write(rows: list[Any]) -> Path:
        path = tmp_path / "projects.jsonl"
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
