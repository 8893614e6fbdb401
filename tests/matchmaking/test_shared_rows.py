"""The search rows of the matching index: one mapped file per node, never a stale generation."""

from __future__ import annotations

import mmap
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tandem.core.models import User
from tandem.matchmaking.matching.shared_rows import current_generation, map_rows, rows_for
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.matching import (
    MatchingIndex,
    guess_language,
    index_generation,
    make_embedder,
    matching_index,
)
from tandem.matchmaking.services.profiles import profile_update

pytestmark = pytest.mark.integration


def _in_process_search(index: MatchingIndex, text: str) -> list[tuple[str, float]]:
    """The search as every web worker computed it before: its own float16 copy of the rows."""
    index.sync()
    language = guess_language(text)
    prepare = index.index.prepare
    query = index.embedder.embed([prepare(text, language) if prepare else text], "query")
    centring = index.index.centring
    if centring is not None:
        query = centring.apply(query, "query", language)
    ids = [p.id for p in index.index]
    offers = np.stack([index.index.whole(i, "offers") for i in ids]).astype(np.float16)
    seeks = np.stack([index.index.whole(i, "seeks") for i in ids]).astype(np.float16)
    vector = query[0].astype(np.float16)
    scores = np.maximum(offers @ vector, 0.8 * (seeks @ vector)).astype(np.float32)
    return [(ids[i], float(scores[i])) for i in np.argsort(-scores)[:50]]


@pytest.fixture
def five_profiles(make_profile: Callable[..., CompanyProfile]) -> list[CompanyProfile]:
    return [
        make_profile("Kawada", "JP", "en", "CNC lathes, machining centres", "distributors"),
        make_profile("Uralstanok", "RU", "ru", "Продажа станков", "Токарные станки с ЧПУ"),
        make_profile("Hokkai Fish", "JP", "ja", "冷凍水産物の輸出", "ロシアの輸入業者"),
        make_profile("Sibles", "RU", "en", "timber and plywood", "woodworking machines"),
        make_profile("Tosa Robotics", "JP", "en", "welding robots", "car plants in Russia"),
    ]


def test_search_from_the_mapped_file_equals_the_per_process_copy(
    five_profiles: list[CompanyProfile],
) -> None:
    # the file holds the rows of the index that wrote it (the task worker's, in-process here)
    for text in ("machine tools", "рыба", "木材", "robots for welding"):
        reference = _in_process_search(matching_index(), text)
        mapped = MatchingIndex(make_embedder()).search(text)
        assert [pid for pid, _ in mapped] == [pid for pid, _ in reference]
        assert [s for _, s in mapped] == pytest.approx([s for _, s in reference], abs=1e-3)
        fresh = dict(_in_process_search(MatchingIndex(make_embedder()), text))
        # a process that built its own index from scratch centres within rounding of it
        assert [fresh[pid] for pid, _ in mapped] == pytest.approx([s for _, s in mapped], abs=0.02)


def test_the_rows_are_the_file_mapped_not_a_copy_and_another_process_maps_it(
    five_profiles: list[CompanyProfile],
) -> None:
    web = MatchingIndex(make_embedder())
    rows = web.shared_rows()
    assert len(rows.ids) == 5
    assert isinstance(rows.matrix, np.memmap) and isinstance(rows.matrix.base, mmap.mmap)
    npy = next(web.rows_dir.glob("rows-*.npy"))
    assert str(npy) in Path("/proc/self/maps").read_text()
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from tandem.matchmaking.matching.shared_rows import map_rows;"
            "rows = map_rows(pathlib.Path(sys.argv[1]), sys.argv[2]);"
            "print(len(rows.ids), float(rows.matrix.sum()));"
            "print(sys.argv[3] in pathlib.Path('/proc/self/maps').read_text())",
            str(web.rows_dir),
            rows.generation,
            str(npy),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    count, total, mapped = other.stdout.split()
    assert int(count) == 5 and mapped == "True"
    assert float(total) == pytest.approx(float(rows.matrix.sum()))


def test_a_new_generation_is_written_by_the_worker_and_picked_up(
    five_profiles: list[CompanyProfile], agency: User
) -> None:
    web = MatchingIndex(make_embedder())
    before = web.shared_rows()
    assert web.search("frozen seafood")[0][0] != str(five_profiles[3].pk)
    sibles = five_profiles[3]
    profile_update(
        profile=sibles,
        data={"offers_en": "frozen seafood and salmon roe"},
        expected_version=sibles.version,
        actor=agency,
    )
    # the task worker (run inline by the test backend) wrote the new generation's file
    assert current_generation(matching_index().rows_dir) == index_generation()
    assert index_generation() != before.generation
    assert web.search("frozen seafood and salmon roe")[0][0] == str(sibles.pk)
    assert web.shared_rows().generation == index_generation()
    assert map_rows(web.rows_dir, before.generation) is None  # the old file is gone


def test_a_missing_generation_is_built_once_per_node(tmp_path: Path) -> None:
    built: list[int] = []

    def build() -> tuple[list[str], np.ndarray, np.ndarray, dict[str, list[float]]]:
        built.append(1)
        rows = np.eye(2, 4, dtype=np.float16)
        return ["1", "2"], rows, rows, {}

    first = rows_for(tmp_path, "g1", build)
    second = rows_for(tmp_path, "g1", build)
    assert built == [1]
    assert first.ids == second.ids == ["1", "2"]
    assert rows_for(tmp_path, "g2", build).generation == "g2" and built == [1, 1]
