"""What every element mapper shares: the export context, the error, text and number helpers.

A mapper has the signature ``mapper(parent, activity, ctx) -> None`` and appends zero or more
IATI elements to ``parent`` (the ``<iati-activity>`` element) in schema order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TypeAlias

from lxml import etree

from .. import codelists
from ..mapping import (
    NATIONAL_PROJECT_PATH,
    PLAN_AREA_PATH,
    REGION_PATH,
    XML_LANG,
    vocabulary_uri,
)
from ..records import ActivityRecord, ReportingOrg, Text

Element: TypeAlias = etree._Element
SubElement = etree.SubElement

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class ExportError(ValueError):
    """A record cannot be written as valid IATI 2.03; names the activity and the reason.

    ``message`` is English (the command line's); ``code`` and ``params`` name the reason for
    pages, which render it in the reader's language (``interop.iati_registry.problems``)."""

    def __init__(
        self,
        iati_identifier: str,
        message: str,
        code: str = "",
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{iati_identifier}: {message}")
        self.iati_identifier = iati_identifier
        self.message = message
        self.code = code
        self.params = params or {}


class ExportContext:
    """Per-file state shared by the mappers: reporting org, codelists, vocabulary URIs."""

    __slots__ = (
        "currencies",
        "finance_types",
        "flow_types",
        "identifier",
        "national_projects",
        "national_projects_uri",
        "org_types",
        "plan_areas",
        "plan_areas_uri",
        "regions_uri",
        "reporting_org",
        "sector_vocabularies",
    )

    def __init__(self, reporting_org: ReportingOrg) -> None:
        base = reporting_org.vocabulary_base_uri
        self.reporting_org = reporting_org
        self.identifier = ""
        self.plan_areas = codelists.load("PlanArea").items
        self.national_projects = codelists.load("NationalProject").items
        self.plan_areas_uri = vocabulary_uri(base, PLAN_AREA_PATH)
        self.national_projects_uri = vocabulary_uri(base, NATIONAL_PROJECT_PATH)
        self.regions_uri = vocabulary_uri(base, REGION_PATH)
        self.currencies = codelists.load("Currency").items
        self.org_types = codelists.load("OrganisationType").items
        self.flow_types = codelists.load("FlowType").items
        self.finance_types = codelists.load("FinanceType").items
        self.sector_vocabularies = codelists.load("SectorVocabulary").items

    def fail(self, message: str, code: str = "", /, **params: object) -> ExportError:
        """The error for the activity being written: ``message`` in English, ``code`` and
        ``params`` for pages."""
        shown = {name: str(value) for name, value in params.items()}
        return ExportError(self.identifier, message, code, shown)


ElementMapper: TypeAlias = Callable[[Element, ActivityRecord, ExportContext], None]


def xml_safe(value: str) -> str:
    """Drop the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _NOT_XML.sub("", value)


def set_text(element: Element, value: str) -> None:
    try:
        element.text = value
    except ValueError:
        element.text = xml_safe(value)


def narratives(parent: Element, text: Text) -> int:
    """Append one ``<narrative xml:lang=..>`` per non-empty text; return how many."""
    count = 0
    for lang, value in text.items():
        if value:
            set_text(SubElement(parent, "narrative", {XML_LANG: lang}), value)
            count += 1
    return count


def required_text(parent: Element, tag: str, text: Text, ctx: ExportContext, what: str) -> None:
    element = SubElement(parent, tag)
    if not narratives(element, text):
        raise ctx.fail(f"{what} has no text in any language", "export_no_text", what=what)


def decimal_text(value: Decimal, ctx: ExportContext, what: str) -> str:
    if not value.is_finite():
        raise ctx.fail(
            f"{what} is not a finite number: {value}", "export_not_finite", what=what, value=value
        )
    return format(value, "f")


def iso(value: date) -> str:
    return value.isoformat()
