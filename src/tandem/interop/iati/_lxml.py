"""The few lxml calls whose type stubs (lxml-stubs) are missing or wrong, typed in one place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any, Protocol, TypeAlias

from lxml import etree

Element: TypeAlias = etree._Element


class Events(Protocol):
    """What ``etree.iterparse`` returns: (event, element) pairs and, at the end, the root."""

    @property
    def root(self) -> Element | None: ...

    def __iter__(self) -> Iterator[tuple[str, Element]]: ...


def iterparse(source: Any, **options: Any) -> Events:
    events: Events = etree.iterparse(source, **options)  # type: ignore[attr-defined, unused-ignore]
    return events


def xmlfile(out: IO[bytes], encoding: str) -> Any:
    return etree.xmlfile(out, encoding=encoding)  # type: ignore[attr-defined, unused-ignore]


def tag(element: Element) -> str:
    """The element's name as text (lxml returns str; some stubs also allow bytes)."""
    name: Any = element.tag
    return name if isinstance(name, str) else repr(name)


def doctype(element: Element) -> str:
    """The DOCTYPE declaration of the element's document ("" when there is none)."""
    info: Any = element.getroottree().docinfo
    return str(info.doctype or "")


def line(element: Element) -> int | None:
    value: Any = element.sourceline
    return value if isinstance(value, int) else None


def clear_error_log() -> None:
    """Empty lxml's per-thread error log, so that a parse error shows only its own entries."""
    clear: Any = etree.clear_error_log  # type: ignore[attr-defined, unused-ignore]
    clear()


def fatal_error(exc: etree.XMLSyntaxError) -> tuple[str, int | None]:
    """The last fatal parser message and its line (lxml's ``msg`` can be vaguer)."""
    log: Any = exc.error_log
    entries = [entry for entry in log if entry.level_name == "FATAL"]
    if entries:
        return str(entries[-1].message), int(entries[-1].line)
    return str(exc.msg), exc.lineno
