"""The ranker's index in one read-only file per node, mapped by every process.

One process (the task worker that indexes profiles) writes a :class:`ProfileIndex` as it
stands to ``index-<generation>.bin`` under a temporary name, renames it into place, then
points ``current.json`` at it (also renamed atomically). Every other process maps the file
(``numpy.memmap``, read-only): the vectors are the kernel's page cache, shared by all the
processes of the node, so memory does not grow with the number of web workers. A mapped
generation stays readable after a newer one has replaced (and unlinked) it, until its last
reader drops it.

The file is a magic string, the length of a JSON header, the header (generation, dimension,
countries and their row ranges, the small tables of languages, regions and industries, the
centring means) and then the arrays, each 64-byte aligned:

* ``ids`` (fixed-width bytes, one per row, rows grouped by country in the index's own order),
  ``sorted_ids``/``sorted_rows`` (to find a row by id with a binary search),
* ``language``/``region``/``industry`` (codes into the header's tables, -1 for none),
* ``offers``/``seeks`` (float32, the centred whole-text rows the candidates come from),
* per field: ``<field>_start`` (the first phrase of each row, and the total at the end),
  ``<field>_vectors`` (float16, centred phrase vectors), ``<field>_text_start`` and
  ``<field>_text`` (the phrases as UTF-8, for the explanations).

:class:`MappedIndex` answers the ranker exactly as the :class:`ProfileIndex` that wrote it
(same rows in the same order, same arithmetic), so :class:`Ranker` gives the same suggestions.
No Django here: the caller says which generation is current and how to build the index.
"""

from __future__ import annotations

import copy
import json
import os
import re
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

from tandem.core.embedding.calibration import LanguageCentering
from tandem.matchmaking.matching.index import (
    F16,
    F32,
    FIELD_KIND,
    FIELDS,
    Candidate,
    Field,
    ProfileIndex,
    ProfileVectors,
)
from tandem.matchmaking.matching.profiles import CompanyProfile
from tandem.matchmaking.matching.shared_rows import node_lock

MAGIC = b"TNDMIDX1"
POINTER = "current.json"
LOCK = "build.lock"
ALIGN = 64
_SAFE = re.compile(r"[^A-Za-z0-9._-]")
_LEN = struct.Struct("<Q")
SEEN_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class MappedProfile:
    """What the ranker reads of a profile besides its vectors."""

    id: str
    country: str
    language: str
    region: str | None
    industry: str | None


@dataclass(frozen=True, slots=True)
class _Joined:
    """A profile that is not in the file, ranked for one query (centred like the file)."""

    profile: MappedProfile
    whole: dict[Field, F32]
    phrases: dict[Field, F16]
    texts: dict[Field, tuple[str, ...]]


def file_name(generation: str) -> str:
    return f"index-{_SAFE.sub('_', generation)}.bin"


def _pad(out: BinaryIO, position: int) -> int:
    gap = (-position) % ALIGN
    out.write(b"\0" * gap)
    return position + gap


def write_index(directory: Path, generation: str, index: ProfileIndex) -> Path:
    """Write ``index`` as ``generation`` and make it the current one; returns the file.

    The file is written under a temporary name and renamed, then ``current.json`` is renamed
    into place, so a reader sees either the old generation or the whole new one. Older
    generations are unlinked (their readers keep their mapping)."""
    directory.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[F32, F32]] = []
    countries: list[tuple[str, int, int]] = []
    ids: list[str] = []
    for country, block_ids, offers, seeks in index.country_rows():
        countries.append((country, len(ids), len(ids) + len(block_ids)))
        ids.extend(block_ids)
        rows.append((offers, seeks))
    n, dim = len(ids), index.dimension
    profiles = [index.profile(pid) for pid in ids]
    languages = sorted({p.language for p in profiles})
    regions = sorted({p.region for p in profiles if p.region is not None})
    industries = sorted({p.industry for p in profiles if p.industry is not None})

    def codes(values: list[str | None], table: list[str]) -> npt.NDArray[np.int32]:
        position = {v: i for i, v in enumerate(table)}
        return np.array([position.get(v, -1) if v is not None else -1 for v in values], np.int32)

    width = max([len(i.encode()) for i in ids] + [1])
    id_array = np.array([i.encode() for i in ids], dtype=f"S{width}")
    order = np.argsort(id_array, kind="stable").astype(np.int32)
    phrase_counts = {
        field: np.array([len(index.phrases(pid, field)) for pid in ids], dtype=np.int64)
        for field in FIELDS
    }
    phrase_texts = {
        field: [t.encode() for pid in ids for t in index.phrases(pid, field)] for field in FIELDS
    }
    centring = index.centring
    means: dict[str, list[float]] = {}
    if centring is not None:
        for kind in ("query", "passage"):
            for language in languages + [x for x in ("en", "ja", "ru") if x not in languages]:
                mean = centring.frozen_mean(kind, language)
                if mean is not None:
                    means[f"{kind}|{language}"] = mean

    # (name, dtype, shape, writer): every array is streamed to the file in order
    def whole_rows(field: int) -> Iterator[bytes]:
        for offers, seeks in rows:
            yield np.ascontiguousarray((offers, seeks)[field], dtype=np.float32).tobytes()

    def phrase_rows(field: Field) -> Iterator[bytes]:
        for pid in ids:
            matrix = index.phrase_matrix16(pid, field, keep=False)
            yield np.ascontiguousarray(matrix, dtype=np.float16).tobytes()

    def one(array: npt.NDArray[Any]) -> Iterator[bytes]:
        yield np.ascontiguousarray(array).tobytes()

    arrays: list[tuple[str, str, tuple[int, ...], Callable[[], Iterator[bytes]]]] = [
        ("ids", id_array.dtype.str, (n,), lambda: one(id_array)),
        ("sorted_ids", id_array.dtype.str, (n,), lambda: one(id_array[order])),
        ("sorted_rows", "<i4", (n,), lambda: one(order)),
        ("language", "<i4", (n,), lambda: one(codes([p.language for p in profiles], languages))),
        ("region", "<i4", (n,), lambda: one(codes([p.region for p in profiles], regions))),
        ("industry", "<i4", (n,), lambda: one(codes([p.industry for p in profiles], industries))),
        ("offers", "<f4", (n, dim), lambda: whole_rows(0)),
        ("seeks", "<f4", (n, dim), lambda: whole_rows(1)),
    ]
    for field in FIELDS:
        starts = np.concatenate([[0], np.cumsum(phrase_counts[field])]).astype(np.int64)
        texts = phrase_texts[field]
        text_starts = np.concatenate([[0], np.cumsum([len(t) for t in texts])]).astype(np.int64)
        blob = np.frombuffer(b"".join(texts), dtype=np.uint8)
        arrays += [
            (f"{field}_start", "<i8", (n + 1,), lambda s=starts: one(s)),  # type: ignore[misc]
            (f"{field}_vectors", "<f2", (int(starts[-1]), dim),
             lambda f=field: phrase_rows(f)),  # type: ignore[misc]
            (f"{field}_text_start", "<i8", (len(texts) + 1,),
             lambda s=text_starts: one(s)),  # type: ignore[misc]
            (f"{field}_text", "|u1", (len(blob),), lambda b=blob: one(b)),  # type: ignore[misc]
        ]  # fmt: skip

    layout: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, dtype, shape, _ in arrays:
        offset += (-offset) % ALIGN
        layout[name] = {"dtype": dtype, "shape": list(shape), "offset": offset}
        offset += int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize
    header = json.dumps(
        {
            "generation": generation,
            "dimension": dim,
            "countries": countries,
            "languages": languages,
            "regions": regions,
            "industries": industries,
            "means": means,
            "arrays": layout,
        }
    ).encode()
    base = len(MAGIC) + _LEN.size + len(header)
    base += (-base) % ALIGN
    target = directory / file_name(generation)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        out.write(MAGIC + _LEN.pack(len(header)) + header)
        position = _pad(out, len(MAGIC) + _LEN.size + len(header))
        for name, _, _, chunks in arrays:
            position = _pad(out, position)
            assert position == base + layout[name]["offset"], name
            for chunk in chunks():
                out.write(chunk)
                position += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    pointer = directory / POINTER
    pointer_tmp = pointer.with_name(f".{POINTER}.{os.getpid()}.tmp")
    pointer_tmp.write_text(json.dumps({"generation": generation, "file": target.name}))
    os.replace(pointer_tmp, pointer)
    for old in directory.glob("index-*.bin"):  # a mapped file stays readable until unmapped
        if old.name != target.name:
            old.unlink(missing_ok=True)
    return target


def current_generation(directory: Path) -> str | None:
    try:
        return str(json.loads((directory / POINTER).read_text())["generation"])
    except (FileNotFoundError, ValueError, KeyError):
        return None


class MappedIndex:
    """A :class:`ProfileIndex` read back from its file: read-only, answers the ranker."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise ValueError(f"{path} is not a tandem matching index")
            (length,) = _LEN.unpack(handle.read(_LEN.size))
            header = json.loads(handle.read(length))
        base = len(MAGIC) + _LEN.size + length
        base += (-base) % ALIGN
        self.path = path
        self.generation: str = header["generation"]
        self.dimension: int = header["dimension"]
        self._languages: list[str] = header["languages"]
        self._regions: list[str] = header["regions"]
        self._industries: list[str] = header["industries"]
        self.countries_rows: list[tuple[str, int, int]] = [tuple(c) for c in header["countries"]]
        self._mm = np.memmap(path, dtype=np.uint8, mode="r")
        self._arrays: dict[str, npt.NDArray[Any]] = {}
        for name, spec in header["arrays"].items():
            dtype = np.dtype(spec["dtype"])
            shape = tuple(spec["shape"])
            start = base + spec["offset"]
            size = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
            # plain ndarray views of the mapping (indexing an np.memmap is slow)
            view = np.asarray(self._mm[start : start + size])
            self._arrays[name] = view.view(dtype).reshape(shape)
        self.means: dict[tuple[str, str], list[float]] = {
            tuple(key.split("|", 1)): value for key, value in header["means"].items()
        }
        self._joined: dict[str, _Joined] = {}
        self._seen: dict[str, int] = {}  # rows of recent candidates (bounded, per process)

    # -- access ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._arrays["ids"])

    def __contains__(self, pid: object) -> bool:
        return isinstance(pid, str) and (pid in self._joined or self._row(pid) is not None)

    @property
    def ids(self) -> list[str]:
        """Every profile id, row by row (countries in order)."""
        return [raw.decode() for raw in self._arrays["ids"].tolist()]

    def matrix(self, field: Field) -> F32:
        """The centred whole-text rows of a field, ``(len(self), dimension)``, mapped."""
        return self._arrays[field]

    def centring(self) -> LanguageCentering:
        """The frozen centring the writer used (to centre a query the same way)."""
        reference = {
            (kind, language): np.asarray(mean, dtype=np.float32)
            for (kind, language), mean in self.means.items()
        }
        centring = LanguageCentering(reference)  # type: ignore[arg-type]
        return centring

    def _row(self, pid: str) -> int | None:
        row = self._seen.get(pid)
        if row is not None:
            return row
        key = pid.encode()
        sorted_ids = self._arrays["sorted_ids"]
        if len(key) > sorted_ids.dtype.itemsize:
            return None
        at = int(np.searchsorted(sorted_ids, key))
        if at < len(sorted_ids) and sorted_ids[at] == key:
            return int(self._arrays["sorted_rows"][at])
        return None

    def _row_of(self, pid: str) -> int:
        row = self._row(pid)
        if row is None:
            raise KeyError(pid)
        return row

    def _id(self, row: int) -> str:
        return bytes(self._arrays["ids"][row]).decode()

    def profile(self, pid: str) -> MappedProfile:
        joined = self._joined.get(pid)
        if joined is not None:
            return joined.profile
        row = self._row_of(pid)
        country = next(c for c, start, end in self.countries_rows if start <= row < end)
        region = int(self._arrays["region"][row])
        industry = int(self._arrays["industry"][row])
        return MappedProfile(
            id=pid,
            country=country,
            language=self._languages[int(self._arrays["language"][row])],
            region=self._regions[region] if region >= 0 else None,
            industry=self._industries[industry] if industry >= 0 else None,
        )

    def whole(self, pid: str, field: Field) -> F32:
        joined = self._joined.get(pid)
        if joined is not None:
            return joined.whole[field]
        return np.asarray(self._arrays[field][self._row_of(pid)], dtype=np.float32)

    def phrase_matrix16(self, pid: str, field: Field) -> F16:
        joined = self._joined.get(pid)
        if joined is not None:
            return joined.phrases[field]
        row = self._row_of(pid)
        starts = self._arrays[f"{field}_start"]
        return self._arrays[f"{field}_vectors"][int(starts[row]) : int(starts[row + 1])]

    def phrase_matrix(self, pid: str, field: Field) -> F32:
        return self.phrase_matrix16(pid, field).astype(np.float32)

    def phrases(self, pid: str, field: Field) -> tuple[str, ...]:
        joined = self._joined.get(pid)
        if joined is not None:
            return joined.texts[field]
        row = self._row_of(pid)
        starts = self._arrays[f"{field}_start"]
        text_starts = self._arrays[f"{field}_text_start"]
        blob = self._arrays[f"{field}_text"]
        out = []
        for i in range(int(starts[row]), int(starts[row + 1])):
            out.append(bytes(blob[int(text_starts[i]) : int(text_starts[i + 1])]).decode())
        return tuple(out)

    # -- a profile that is not in the file -----------------------------------------------
    def joining(self, profile: CompanyProfile, vectors: ProfileVectors) -> MappedIndex:
        """This index with ``profile`` added for one query (its raw vectors centred with the
        file's means); the file and this object are unchanged."""
        centring = self.centring()
        whole: dict[Field, F32] = {}
        phrases: dict[Field, F16] = {}
        texts: dict[Field, tuple[str, ...]] = {}
        for field in FIELDS:
            fv = getattr(vectors, field)
            kind = FIELD_KIND[field]
            raw = np.asarray(fv.whole, dtype=np.float32)
            whole[field] = (
                centring.apply(raw[None, :], kind, profile.language)[0] if np.any(raw) else raw
            )
            matrix = fv.phrase_vectors
            if len(matrix):
                centred = centring.apply(matrix.astype(np.float32), kind, profile.language)
                matrix = centred.astype(np.float16)
            phrases[field] = matrix
            texts[field] = tuple(fv.phrases)
        meta = MappedProfile(
            profile.id, profile.country, profile.language, profile.region, profile.industry
        )
        other = copy.copy(self)
        other._joined = {**self._joined, profile.id: _Joined(meta, whole, phrases, texts)}
        return other

    # -- search ---------------------------------------------------------------------------
    def candidates(
        self, pid: str, k: int, *, second_weight: float = 0.5, countries: Sequence[str] = ()
    ) -> list[Candidate]:
        """As :meth:`ProfileIndex.candidates`, over the mapped rows."""
        me = self.profile(pid)
        my_offers, my_seeks = self.whole(pid, "offers"), self.whole(pid, "seeks")
        offers, seeks = self._arrays["offers"], self._arrays["seeks"]
        found: list[tuple[float, str, float, float, float, float]] = []
        for country, start, end in sorted(self.countries_rows):
            n = end - start
            if country == me.country or not n:
                continue
            if countries and country not in countries:
                continue
            block_offers, block_seeks = offers[start:end], seeks[start:end]
            fwd = block_offers @ my_seeks
            bwd = block_seeks @ my_offers
            pre = np.maximum(fwd, bwd) + second_weight * np.minimum(fwd, bwd)
            top = np.argpartition(-pre, k - 1)[:k] if k < n else np.arange(n)
            same_offer = block_offers[top] @ my_offers
            same_seek = block_seeks[top] @ my_seeks
            if len(self._seen) > SEEN_LIMIT:
                self._seen.clear()
            for j, row in enumerate(top.tolist()):
                cid = self._id(start + row)
                self._seen[cid] = start + row
                found.append((-float(pre[row]), cid, float(fwd[row]),
                              float(bwd[row]), float(same_offer[j]),
                              float(same_seek[j])))  # fmt: skip
        found.sort()
        return [Candidate(cid, f, b, so, ss) for _, cid, f, b, so, ss in found[:k]]


def map_index(directory: Path, generation: str) -> MappedIndex | None:
    """Map the file of ``generation``; None when that generation is not on disk."""
    try:
        mapped = MappedIndex(directory / file_name(generation))
    except (FileNotFoundError, ValueError, KeyError):
        return None
    return mapped if mapped.generation == generation else None


def index_for(directory: Path, generation: str, build: Callable[[], ProfileIndex]) -> MappedIndex:
    """The mapped index of ``generation``, built and written once per node (under the lock)
    when it is not on disk."""
    mapped = map_index(directory, generation)
    if mapped is not None:
        return mapped
    with node_lock(directory):
        mapped = map_index(directory, generation)  # another process may have written it
        if mapped is None:
            write_index(directory, generation, build())
            mapped = map_index(directory, generation)
    assert mapped is not None
    return mapped
