"""Safe, streaming import of IATI 2.03 activity files.

Safety: the size is capped before and while reading; lxml parses with
``resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False``; a file with a
DOCTYPE is refused before any activity is read (no XXE, no entity expansion, no external DTD);
each ``<iati-activity>`` is read, then cleared and unlinked, so memory stays bounded whatever
the number of activities.

Problems never raise: they are yielded as :class:`ImportProblem` between the records. A file
problem (``activity`` None) with severity ``error`` ends the import; activities yielded before
it stay valid. Memory stays bounded except for a file whose wrong root element hides past the
first 64 KiB and holds no ``iati-activity``: that one is parsed whole (still within
``max_bytes``) before it is refused.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack
from typing import BinaryIO, Final, TypeAlias

from lxml import etree

from . import _lxml
from .mapping import XML_LANG
from .readers import read_activity
from .readers.base import language
from .records import ActivityRecord, ImportProblem

__all__ = ["DEFAULT_MAX_BYTES", "Source", "read_activities", "read_all"]

#: The IATI Registry refuses activity files over 60,000,000 bytes.
DEFAULT_MAX_BYTES: Final = 60_000_000
SUPPORTED_VERSIONS: Final = frozenset({"2.01", "2.02", "2.03"})
ROOT: Final = "iati-activities"
ACTIVITY: Final = "iati-activity"

Source: TypeAlias = BinaryIO | str | os.PathLike[str] | bytes
Element: TypeAlias = _lxml.Element

_HEAD = 65536
_PROLOG = re.compile(rb"\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*", re.DOTALL)
_NAME = re.compile(rb"<([A-Za-z_][\w.:-]*)")


class _TooBigError(Exception):
    pass


class _CappedReader:
    """A file-like ``read`` that serves a peeked head first and stops past ``limit`` bytes."""

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        self._raw = raw
        self._limit = limit
        self._count = 0
        self._head = b""

    def peek(self, size: int) -> bytes:
        chunks = []
        got = 0
        while got < size:
            chunk = self._take(size - got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        self._head = b"".join(chunks)
        return self._head

    def _take(self, size: int) -> bytes:
        data = self._raw.read(size)
        self._count += len(data)
        if self._count > self._limit:
            raise _TooBigError
        return data

    def read(self, size: int = -1) -> bytes:
        if self._head:
            data = self._head if size < 0 else self._head[:size]
            self._head = self._head[len(data) :]
            return data
        return self._take(size if size >= 0 else self._limit + 1 - self._count)


def _file_problem(
    message: str, line: int | None = None, code: str = "", **params: str
) -> ImportProblem:
    """A problem of the whole file: ``message`` in English, ``code`` and ``params`` for pages."""
    pairs = tuple(sorted(params.items()))
    return ImportProblem(message, None, line, "error", code=code, params=pairs)


def _known_size(raw: BinaryIO) -> int | None:
    try:
        return os.fstat(raw.fileno()).st_size - raw.tell()
    except (OSError, AttributeError, io.UnsupportedOperation):
        pass
    try:
        if raw.seekable():
            here = raw.tell()
            end = raw.seek(0, io.SEEK_END)
            raw.seek(here)
            return end - here
    except (OSError, AttributeError, io.UnsupportedOperation):
        pass
    return None


def _sniff(head: bytes) -> ImportProblem | None:
    """Refuse obvious non-IATI files from their first bytes; None when in doubt."""
    if not head.strip():
        return _file_problem("the file is empty", code="file_empty")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16: left to the parser and the checks on the first event
    head = head.removeprefix(b"\xef\xbb\xbf")
    prolog = _PROLOG.match(head)
    rest = head[prolog.end() :] if prolog else head
    if rest.startswith(b"<!DOCTYPE"):
        return _file_problem(
            "the file has a DOCTYPE declaration; IATI files have none, and DTDs and entities "
            "are refused for safety (XXE, entity expansion)",
            code="file_doctype",
        )
    name = _NAME.match(rest)
    if name is not None and name.group(1) != ROOT.encode():
        shown = name.group(1).decode("utf-8", "replace")
        return _file_problem(
            f"the root element is <{shown}>, expected <{ROOT}>", code="file_root", root=shown
        )
    if rest and not rest.startswith(b"<"):
        shown = rest[:20].decode("utf-8", "replace")
        return _file_problem(
            f"the file is not XML (it starts with {shown!r})", code="file_not_xml", start=shown
        )
    return None


def _root(element: Element) -> Element:
    root = element
    while (parent := root.getparent()) is not None:
        root = parent
    return root


def _check_root(element: Element) -> list[ImportProblem]:
    """Checks made on the first parse event: DOCTYPE, root element, IATI version."""
    if _lxml.doctype(element):
        return [
            _file_problem(
                "the file has a DOCTYPE declaration; DTDs and entities are refused",
                code="file_doctype",
            )
        ]
    root = _root(element)
    if root.tag != ROOT:
        shown = _lxml.tag(root)
        message = f"the root element is <{shown}>, expected <{ROOT}>"
        return [_file_problem(message, 1, code="file_root", root=shown)]
    version = root.get("version")
    if version is not None and version.startswith("1."):
        return [
            _file_problem(
                f"IATI version {version} is not supported; convert it to 2.03",
                code="version_1",
                version=version,
            )
        ]
    if version is None:
        return [
            ImportProblem(
                "the file does not say its IATI version; read as 2.03",
                None,
                _lxml.line(root),
                "warning",
                code="no_version",
            )
        ]
    if version not in SUPPORTED_VERSIONS:
        return [
            ImportProblem(
                f"IATI version {version} is not 2.01-2.03; read as 2.03",
                None,
                _lxml.line(root),
                "warning",
                code="other_version",
                params=(("version", version),),
            )
        ]
    return []


def _syntax_problem(exc: etree.XMLSyntaxError) -> ImportProblem:
    message, line = _lxml.fatal_error(exc)
    return _file_problem(
        f"the file is not well-formed XML (damaged or truncated): {message}",
        line,
        code="file_not_well_formed",
        detail=message.strip(),
    )


def _events(reader: _CappedReader) -> _lxml.Events:
    _lxml.clear_error_log()
    return _lxml.iterparse(
        reader,
        events=("start", "end"),
        tag=(ROOT, ACTIVITY),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parse(reader: _CappedReader) -> Iterator[ActivityRecord | ImportProblem]:
    events = _events(reader)
    checked = False
    activities = 0
    file_lang = "en"
    for event, element in events:
        if not checked:
            checked = True
            problems = _check_root(element)
            yield from problems
            if any(p.severity == "error" for p in problems):
                return
            file_lang = language(_root(element).get(XML_LANG), "en")
        if event == "start" or element.tag != ACTIVITY:
            continue
        activities += 1
        record, problems = read_activity(element, activities, file_lang)
        yield from problems
        if record is not None:
            yield record
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
    if not checked:
        root = events.root
        if root is None:
            yield _file_problem(f"the file has no root element, expected <{ROOT}>", code="no_root")
        else:
            shown = _lxml.tag(root)
            message = f"the root element is <{shown}>, expected <{ROOT}>"
            yield _file_problem(message, code="file_root", root=shown)
    elif not activities:
        yield _file_problem("the file has no iati-activity", code="no_activity")


def read_activities(source: Source, *, max_bytes: int) -> Iterator[ActivityRecord | ImportProblem]:
    """Read an IATI activities file (path, binary stream or bytes), record by record.

    Files (or streams) over ``max_bytes`` are refused; see the module docstring for what else
    is refused and how problems are reported.
    """
    with ExitStack() as stack:
        if isinstance(source, bytes):
            raw: BinaryIO = io.BytesIO(source)
        elif isinstance(source, str | os.PathLike):
            try:
                raw = stack.enter_context(open(source, "rb"))
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                yield _file_problem(
                    f"cannot open the file: {reason}", code="file_unreadable", reason=reason
                )
                return
        else:
            raw = source
        size = _known_size(raw)
        if size is not None and size > max_bytes:
            yield _file_problem(
                f"the file has {size} bytes, over the limit of {max_bytes}",
                code="file_too_large",
                limit=str(max_bytes),
            )
            return
        reader = _CappedReader(raw, max_bytes)
        try:
            problem = _sniff(reader.peek(_HEAD))
            if problem is not None:
                yield problem
                return
            yield from _parse(reader)
        except _TooBigError:
            yield _file_problem(
                f"the file is over the limit of {max_bytes} bytes; reading stopped",
                code="file_too_large",
                limit=str(max_bytes),
            )
        except etree.XMLSyntaxError as exc:
            yield _syntax_problem(exc)


def read_all(source: Source, *, max_bytes: int) -> tuple[list[ActivityRecord], list[ImportProblem]]:
    """:func:`read_activities`, collected: (records, problems)."""
    records: list[ActivityRecord] = []
    problems: list[ImportProblem] = []
    for item in read_activities(source, max_bytes=max_bytes):
        if isinstance(item, ImportProblem):
            problems.append(item)
        else:
            records.append(item)
    return records, problems
