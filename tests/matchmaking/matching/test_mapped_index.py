"""The ranker's index as one mapped file per node: written by the worker, read by the others."""

from __future__ import annotations

import json
import mmap
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.matchmaking.matching.index import ProfileIndex
from tandem.matchmaking.matching.mapped_index import (
    MappedIndex,
    current_generation,
    index_for,
    map_index,
    write_index,
)
from tandem.matchmaking.matching.profiles import CompanyProfile
from tandem.matchmaking.matching.ranker import Match, Ranker

pytestmark = pytest.mark.unit

TEXTS = [
    ("CNC lathes, machining centres. Repair of spindles", "distributors of machine tools"),
    ("distribution of machine tools; service network", "CNC lathes. Spare spindles"),
    ("frozen fish and crab", "fishing nets; cold storage"),
    ("fishing nets, ropes", "frozen seafood buyers"),
    ("timber and plywood", "woodworking machines. Drying kilns"),
    ("woodworking machines and kilns", "timber suppliers"),
    ("welding robots", "car plants; assembly lines"),
    ("car parts, assembly lines", "industrial robots"),
]
LANGS = ("en", "ja", "ru")


def profiles() -> list[CompanyProfile]:
    out = []
    for i, (offers, seeks) in enumerate(TEXTS * 3):
        country = ("JP", "RU", "KZ")[i % 3]
        out.append(
            CompanyProfile(
                id=f"p{i:02d}",
                country=country,
                language=LANGS[i % 3],
                name=f"company {i}",
                region=("Niigata", None, "Primorsky")[i % 3],
                industry=("C28", "A03", None, "C16")[i % 4],
                offers=offers,
                seeks=seeks,
                size="small",
            )
        )
    return out


def in_memory(items: list[CompanyProfile]) -> ProfileIndex:
    index = ProfileIndex(HashingEmbedder(64))
    index.upsert(items)
    return index


def over_mmap(array: np.ndarray) -> bool:
    """Whether the array's memory is a file mapping (not a copy)."""
    base: object = array
    while isinstance(base, np.ndarray):
        base = base.base
    return isinstance(base, mmap.mmap)


def as_lists(matches: list[Match]) -> list[dict[str, object]]:
    return [m.to_dict() for m in matches]


def test_the_mapped_index_ranks_exactly_as_the_in_memory_one(tmp_path: Path) -> None:
    items = profiles()
    index = in_memory(items)
    path = write_index(tmp_path, "g1", index)
    mapped = map_index(tmp_path, "g1")
    assert mapped is not None and len(mapped) == len(items)
    assert over_mmap(mapped.matrix("offers")) and over_mmap(mapped.phrase_matrix16("p01", "seeks"))
    assert str(path) in Path("/proc/self/maps").read_text()  # mapped, not read into memory
    for profile in items:
        pid = profile.id
        assert mapped.profile(pid).country == profile.country
        assert mapped.profile(pid).region == profile.region
        assert mapped.profile(pid).industry == profile.industry
        assert mapped.phrases(pid, "offers") == index.phrases(pid, "offers")
        assert Ranker(mapped).rank(pid, 5) == Ranker(index).rank(pid, 5)
    assert "nobody" not in mapped


def test_a_reader_process_maps_the_file_the_worker_wrote(tmp_path: Path) -> None:
    index = in_memory(profiles())
    write_index(tmp_path, "g1", index)
    expected = as_lists(Ranker(index).rank("p00", 5))
    reader = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, pathlib\n"
            "from tandem.matchmaking.matching.mapped_index import current_generation, map_index\n"
            "from tandem.matchmaking.matching.ranker import Ranker\n"
            "d = pathlib.Path(sys.argv[1]); m = map_index(d, current_generation(d))\n"
            "print(json.dumps([x.to_dict() for x in Ranker(m).rank('p00', 5)]))\n"
            "print(str(m.path) in pathlib.Path('/proc/self/maps').read_text())\n",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    ranked, mapped = reader.stdout.strip().splitlines()
    assert json.loads(ranked) == expected and mapped == "True"


def test_a_new_generation_replaces_the_old_without_breaking_its_readers(tmp_path: Path) -> None:
    items = profiles()
    index = in_memory(items)
    write_index(tmp_path, "g1", index)
    old = map_index(tmp_path, "g1")
    assert old is not None
    before = Ranker(old).rank("p00", 5)

    changed = replace(items[4], offers="distribution of machine tools and CNC lathes")
    index.upsert([changed])
    write_index(tmp_path, "g2", index)
    assert current_generation(tmp_path) == "g2"
    assert sorted(p.name for p in tmp_path.glob("index-*.bin")) == ["index-g2.bin"]
    assert map_index(tmp_path, "g1") is None  # the old file is gone for new readers
    assert Ranker(old).rank("p00", 5) == before  # a reader of g1 still ranks from its mapping
    new = map_index(tmp_path, "g2")
    assert new is not None
    assert Ranker(new).rank("p00", 5) == Ranker(index).rank("p00", 5)
    assert new.phrases("p04", "offers") == index.phrases("p04", "offers")


def test_a_profile_outside_the_file_joins_for_one_query(tmp_path: Path) -> None:
    items = profiles()
    outsider = replace(items[0], id="draft", country="JP")
    index = in_memory(items)
    mapped = MappedIndex(write_index(tmp_path, "g1", index))
    alone = ProfileIndex(HashingEmbedder(64), centre_languages=False)
    alone.upsert([outsider])
    joined = mapped.joining(alone.profile("draft"), alone.vectors("draft"))
    assert "draft" in joined and "draft" not in mapped
    index.upsert([outsider])  # what a process holding the whole index did
    assert Ranker(joined).rank("draft", 5) == Ranker(index).rank("draft", 5)


def test_a_missing_generation_is_built_once(tmp_path: Path) -> None:
    built: list[int] = []

    def build() -> ProfileIndex:
        built.append(1)
        return in_memory(profiles()[:6])

    first = index_for(tmp_path, "g1", build)
    second = index_for(tmp_path, "g1", build)
    assert built == [1] and first.ids == second.ids and len(first) == 6
    assert index_for(tmp_path, "g2", build).generation == "g2" and built == [1, 1]


def test_an_empty_index_is_written_and_mapped(tmp_path: Path) -> None:
    mapped = MappedIndex(write_index(tmp_path, "empty", ProfileIndex(HashingEmbedder(16))))
    assert len(mapped) == 0 and mapped.ids == [] and "p00" not in mapped
