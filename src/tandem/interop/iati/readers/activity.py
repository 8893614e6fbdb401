"""Readers for the identifying, descriptive and classifying elements of an activity."""

from __future__ import annotations

import re

from ..mapping import (
    IATI_TO_ROLE,
    IATI_TO_STATUS,
    NATIONAL_PROJECT_PATH,
    PLAN_AREA_PATH,
    ROLE_TO_IATI,
    STATUS_TO_IATI,
)
from ..records import (
    OrgRef,
    ParticipantRecord,
    ParticipantRole,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    SectorRecord,
)
from .base import BadValue, Builder, Element, optional_decimal, parse_date, tandem, text_of

_PLAN_AREA = re.compile(r"P[1-8]")
_NATIONAL_PROJECT = re.compile(r"N(?:[1-9]|1[0-3])")
_DATE_TYPES = {"1": "planned_start", "2": "actual_start", "3": "planned_end", "4": "actual_end"}
_TANDEM_STATUS = tandem("status")
# IATI 1.x wrote roles as words; 2.0x files converted from it still do.
_ROLE_WORDS = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}
_TANDEM_ROLE = tandem("role")
_TANDEM_COUNTRY = tandem("country")
_TANDEM_FROM = tandem("from")


def iati_identifier(element: Element, b: Builder) -> None:
    value = (element.text or "").strip()
    if not value:
        raise BadValue("iati-identifier is empty", "empty_identifier")
    b.identifier = value


def reporting_org(element: Element, b: Builder) -> None:
    b.reporting_ref = (element.get("ref") or "").strip() or None
    b.publisher = OrgRef(
        names=text_of(element, b.lang),
        ref=b.reporting_ref,
        type_code=element.get("type") or None,
    )
    b.secondary_reporter = element.get("secondary-reporter") in ("1", "true")


def title(element: Element, b: Builder) -> None:
    if b.titles:
        b.warn(element, "a second title was ignored", "second_title")
        return
    b.titles = text_of(element, b.lang)


def description(element: Element, b: Builder) -> None:
    """General descriptions (type 1 or none) and, by type, objectives, target groups, others."""
    if element.get(_TANDEM_FROM) == "title":
        return  # our export's stand-in for a missing description, not a text of its own
    kind = (element.get("type") or "1").strip()
    target = b.descriptions if kind == "1" else b.other_descriptions.setdefault(kind, {})
    for lang, value in text_of(element, b.lang).items():
        old = target.get(lang)
        target[lang] = f"{old}\n\n{value}" if old else value


def participating_org(element: Element, b: Builder) -> None:
    code = element.get("role")
    code = _ROLE_WORDS.get((code or "").strip().lower(), code)
    role = IATI_TO_ROLE.get(code or "")
    if role is None:
        b.warn(
            element,
            f"participating-org with unknown role {code!r} was left out",
            "unknown_role",
            role=code,
        )
        return
    ours = element.get(_TANDEM_ROLE)
    if ours is not None:
        try:
            if ROLE_TO_IATI[ParticipantRole(ours)] == code:
                role = ParticipantRole(ours)
        except ValueError:
            b.warn(
                element,
                f"unknown tandem:role {ours!r}; used IATI role {code}",
                "unknown_tandem_role",
                value=ours,
                role=code,
            )
    names = text_of(element, b.lang)
    if not names and not element.get("ref"):
        b.warn(element, "participating-org with neither name nor ref was left out", "nameless_org")
        return
    b.participants.append(
        ParticipantRecord(
            names=names,
            role=role,
            ref=element.get("ref") or None,
            type_code=element.get("type") or None,
            country=element.get(_TANDEM_COUNTRY) or None,
        )
    )


def other_identifier(element: Element, b: Builder) -> None:
    if element.get("type") == "A1" and element.get("ref") and b.code is None:
        b.code = element.get("ref")


def activity_status(element: Element, b: Builder) -> None:
    code = element.get("code")
    status = IATI_TO_STATUS.get((code or "").strip())
    if status is None:
        b.warn(
            element,
            f"unknown activity-status code {code!r} (expected 1 to 6); read as 1",
            "unknown_status",
            status=code,
        )
        status = ProjectStatus.IDEA
    ours = element.get(_TANDEM_STATUS)
    if ours is not None:
        try:
            mine = ProjectStatus(ours)
        except ValueError:
            mine = None
        if mine is not None and STATUS_TO_IATI[mine] == code:
            status = mine
        else:
            b.warn(
                element,
                f"tandem:status {ours!r} does not match code {code}; used {status}",
                "tandem_status_mismatch",
                value=ours,
                status=code,
            )
    b.status = status


def activity_date(element: Element, b: Builder) -> None:
    kind = element.get("type")
    field = _DATE_TYPES.get(kind or "")
    if field is None:
        b.warn(
            element,
            f"activity-date of unknown type {kind!r} was left out",
            "unknown_date_type",
            type=kind,
        )
        return
    b.dates[field] = parse_date(element.get("iso-date"), f"activity-date type {kind}")


def recipient_country(element: Element, b: Builder) -> None:
    code = (element.get("code") or "").strip().upper()
    if not code:
        raise BadValue("recipient-country has no code", "no_code", what="recipient-country")
    percentage = optional_decimal(element.get("percentage"), "recipient-country percentage")
    b.countries.append(RecipientCountry(code, percentage))


def recipient_region(element: Element, b: Builder) -> None:
    code = (element.get("code") or "").strip()
    if not code:
        raise BadValue("recipient-region has no code", "no_code", what="recipient-region")
    b.regions.append(
        RegionRecord(
            code=code,
            vocabulary=element.get("vocabulary") or "1",
            names=text_of(element, b.lang),
            percentage=optional_decimal(element.get("percentage"), "recipient-region percentage"),
        )
    )


def sector(element: Element, b: Builder) -> None:
    code = (element.get("code") or "").strip()
    if not code:
        raise BadValue("sector has no code", "no_code", what="sector")
    b.sectors.append(
        SectorRecord(
            code=code,
            vocabulary=element.get("vocabulary") or "1",
            vocabulary_uri=element.get("vocabulary-uri") or None,
            names=text_of(element, b.lang),
            percentage=optional_decimal(element.get("percentage"), "sector percentage"),
        )
    )


def tag(element: Element, b: Builder) -> None:
    """Plan areas and national projects: vocabulary 99 tags; other tags are not ours."""
    if element.get("vocabulary") != "99":
        return
    code = (element.get("code") or "").strip()
    uri = (element.get("vocabulary-uri") or "").rstrip("/")
    if uri.endswith(PLAN_AREA_PATH) or (not uri and _PLAN_AREA.fullmatch(code)):
        if not _PLAN_AREA.fullmatch(code):
            raise BadValue(
                f"unknown plan area {code!r} (expected P1 to P8)", "unknown_plan_area", code=code
            )
        b.plan_areas.append(code)
    elif uri.endswith(NATIONAL_PROJECT_PATH) or (not uri and _NATIONAL_PROJECT.fullmatch(code)):
        if not _NATIONAL_PROJECT.fullmatch(code):
            raise BadValue(
                f"unknown national project {code!r} (expected N1 to N13)",
                "unknown_national_project",
                code=code,
            )
        b.national_projects.append(code)


def default_flow_type(element: Element, b: Builder) -> None:
    b.default_flow = element.get("code")


def default_finance_type(element: Element, b: Builder) -> None:
    b.default_finance = element.get("code")
