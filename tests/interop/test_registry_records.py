"""A project's records in the registry's files: XLSX sheets and CSV files per kind, exported
and imported back, all or nothing, blank cells never deleting anything."""

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User
from tandem.interop.registry_import import ImportRejectedError
from tandem.interop.registry_upload import commit_registry_file, plan_registry_file
from tandem.interop.tabular.export import xlsx_bytes
from tandem.interop.tabular.records import BY_NAME, record_csv_chunks
from tandem.programme.models import Programme
from tandem.projects.enums import Disclosure
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    JointProject,
    Milestone,
    ResultIndicator,
    Source,
)
from tandem.projects.record_schemas import FinancingLineIn, MilestoneIn, ResultIn, SourceIn
from tandem.projects.schemas import ProjectIn
from tandem.projects.selectors.registry import ProjectFilters, projects_for_export
from tandem.projects.services import records
from tandem.projects.services.projects import project_create

pytestmark = pytest.mark.integration
CODE = "JR-2019-0777"
LIMITS = {"max_bytes": 20 * 1024 * 1024, "max_rows": 20_000}
RECORD_MODELS = (FinancingLine, Milestone, ResultIndicator, IndicatorValue, Source)


@pytest.fixture
def project(default_programme: None, secretariat_jp: User) -> JointProject:
    Organisation.objects.create(
        name="Kansai Rail Finance", kind="company", side=Country.objects.get(code="JP")
    )
    project = project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(
            code=CODE,
            title_en="Rolling stock depot in Yekaterinburg",
            plan_areas=["P6"],
            disclosure=Disclosure.INTERNAL,
        ),
        actor=secretariat_jp,
    )
    version = project.version

    def next_version() -> int:
        nonlocal version
        version += 1
        return version - 1

    records.financing_line_create(
        project=project,
        expected_version=next_version(),
        data=FinancingLineIn.model_validate(
            {
                "kind": "loan",
                "amount": "1250000.50",
                "currency": "JPY",
                "date": "2019-10-01",
                "funder": "Kansai Rail Finance",
                "is_disbursement": True,
            }
        ),
        actor=secretariat_jp,
    )
    records.financing_line_create(
        project=project,
        expected_version=next_version(),
        data=FinancingLineIn.model_validate(
            {
                "kind": "loan",
                "line_type": "loan_repayment",
                "amount": "-200000.00",
                "currency": "RUB",
                "date": "2021-03-31",
            }
        ),
        actor=secretariat_jp,
    )
    records.milestone_create(
        project=project,
        expected_version=next_version(),
        data=MilestoneIn(title_en="=Depot opened", title_ru="Депо открыто"),
        actor=secretariat_jp,
    )
    records.result_create(
        project=project,
        expected_version=next_version(),
        data=ResultIn.model_validate(
            {
                "title_en": "Trains serviced per month",
                "title_ja": "月間整備編成数",
                "unit": "trains",
                "baseline_text": "Not yet assessed",
                "target": "40",
                "ascending": True,
                "values": [
                    {"period_start": "2020-01-01", "period_end": "2020-12-31", "actual": "12"},
                    {
                        "period_start": "2021-01-01",
                        "period_end": "2021-12-31",
                        "actual_text": "not reported",
                    },
                ],
            }
        ),
        actor=secretariat_jp,
    )
    records.source_create(
        project=project,
        expected_version=next_version(),
        data=SourceIn.model_validate(
            {"kind": "document", "title": "Depot agreement", "url": "https://example.org/depot"}
        ),
        actor=secretariat_jp,
    )
    return JointProject.objects.get(pk=project.pk)


def _export(user: User) -> bytes:
    return xlsx_bytes(projects_for_export(user, ProjectFilters(), 1000))


def _history_counts() -> list[int]:
    return [model.history.count() for model in RECORD_MODELS]  # type: ignore[union-attr]


def _plan(raw: bytes, name: str, user: User) -> Any:
    return plan_registry_file(raw, name, user, Programme.objects.get(), **LIMITS)


def _edit(raw: bytes, sheet: str, edit: Callable[[Any], None]) -> bytes:
    workbook = load_workbook(io.BytesIO(raw))
    edit(workbook[sheet])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column(sheet: Any, name: str) -> int:
    return [cell.value for cell in sheet[1]].index(name) + 1


def test_the_workbook_has_a_sheet_per_kind_of_record(
    project: JointProject, secretariat_jp: User
) -> None:
    workbook = load_workbook(io.BytesIO(_export(secretariat_jp)), read_only=True)
    assert workbook.sheetnames[1:] == [
        "financing",
        "milestones",
        "results",
        "result_values",
        "sources",
    ]
    financing = list(workbook["financing"].iter_rows(values_only=True))
    assert financing[0][:4] == ("project", "id", "kind", "line_type")
    amounts = sorted(row[4] for row in financing[1:])
    assert amounts == ["-200000.00", "1250000.50"]  # a negative amount stays a number
    titles = [row[2] for row in workbook["milestones"].iter_rows(values_only=True)]
    assert titles[1] == "'=Depot opened"  # what a spreadsheet would run is escaped


def test_exporting_and_importing_the_workbook_changes_nothing(
    project: JointProject, secretariat_jp: User
) -> None:
    before = _history_counts()
    plan = _plan(_export(secretariat_jp), "registry.xlsx", secretariat_jp)
    assert not plan.records.file_problems
    actions = {(o.table, o.action) for o in plan.records.outcomes}
    assert actions == {
        ("financing", "unchanged"),
        ("milestones", "unchanged"),
        ("results", "unchanged"),
        ("result_values", "unchanged"),
        ("sources", "unchanged"),
    }
    assert len(plan.records.outcomes) == 7
    assert plan.records.writes == []
    assert _history_counts() == before
    assert JointProject.objects.get(pk=project.pk).version == project.version


def test_each_companion_csv_reads_back_unchanged(
    project: JointProject, secretariat_jp: User
) -> None:
    for name, table in BY_NAME.items():
        raw = "".join(record_csv_chunks(table, [project.pk])).encode()
        plan = _plan(raw, f"{name}.csv", secretariat_jp)
        assert not plan.file_problems and not plan.records.file_problems, name
        assert {o.action for o in plan.records.outcomes} == {"unchanged"}, name


def test_edited_cells_change_records_blank_cells_delete_nothing_new_rows_add(
    project: JointProject, secretariat_jp: User
) -> None:
    raw = _export(secretariat_jp)

    def financing(sheet: Any) -> None:
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 5).value == "1250000.50")
        sheet.cell(row, _column(sheet, "amount")).value = "1300000.00"
        sheet.cell(row, _column(sheet, "funder")).value = None  # blank: the funder stays

    def milestones(sheet: Any) -> None:
        sheet.append([CODE, "", "Staff trained", "", "", "2022-06-30", ""])

    def sources(sheet: Any) -> None:
        sheet.cell(2, _column(sheet, "title")).value = None
        sheet.cell(2, _column(sheet, "url")).value = None

    for sheet, edit in (
        ("financing", financing),
        ("milestones", milestones),
        ("sources", sources),
    ):
        raw = _edit(raw, sheet, edit)
    plan = _plan(raw, "registry.xlsx", secretariat_jp)
    assert plan.can_commit, plan.records.outcomes
    assert sorted(o.action for o in plan.records.outcomes if o.action != "unchanged") == [
        "change",
        "create",
    ]
    counts = commit_registry_file(plan, secretariat_jp, Programme.objects.get())
    assert counts["records"] == 2
    line = FinancingLine.objects.get(currency="JPY")
    assert line.amount == Decimal("1300000.00")
    assert line.funder is not None and line.funder.name == "Kansai Rail Finance"
    assert Milestone.objects.filter(title_en="Staff trained").exists()
    source = Source.objects.get()
    assert (source.title, source.url) == ("Depot agreement", "https://example.org/depot")
    assert FinancingLine.history.filter(history_type="~").get().history_user == secretariat_jp  # type: ignore[attr-defined]


def test_a_value_per_period_is_added_from_its_csv(
    project: JointProject, secretariat_jp: User
) -> None:
    result = ResultIndicator.objects.get()
    raw = "".join(record_csv_chunks(BY_NAME["result_values"], [project.pk]))
    raw += f"{CODE},{result.pk},,2022-01-01,2022-12-31,30,,,\r\n"
    plan = _plan(raw.encode(), "result_values.csv", secretariat_jp)
    assert [o.action for o in plan.records.outcomes] == ["unchanged", "unchanged", "create"]
    commit_registry_file(plan, secretariat_jp, Programme.objects.get())
    assert result.values.get(period_start__year=2022).actual == Decimal(30)


def test_rows_that_cannot_be_imported_are_rejected_and_nothing_is_written(
    project: JointProject, secretariat_jp: User
) -> None:
    other = project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(code="JR-2019-0778", title_en="Another", plan_areas=["P6"]),
        actor=secretariat_jp,
    )
    line = FinancingLine.objects.filter(project=project).first()
    assert line is not None
    raw = (
        "\ufeffproject,id,kind,amount,currency,date\r\n"
        f"{CODE},,grant,100,USD,2022-01-01\r\n"
        f"JR-2019-9999,,grant,100,USD,2022-01-01\r\n"
        f"{other.code},{line.pk},grant,100,USD,2022-01-01\r\n"
        f"{CODE},,grant,-5,USD,2022-01-01\r\n"
        f"{CODE},,grant,=1+1,USD,2022-01-01\r\n"
    )
    plan = _plan(raw.encode(), "financing.csv", secretariat_jp)
    outcomes = plan.records.outcomes
    assert [o.action for o in outcomes] == ["create", "reject", "reject", "reject", "reject"]
    assert "No project JR-2019-9999" in outcomes[1].messages[0]
    assert f"has no financing line with id {line.pk}" in outcomes[2].messages[0]
    assert "Only a transaction of a stated type may be negative." in outcomes[3].messages[0]
    assert "formula" in outcomes[4].messages[0]
    assert not plan.can_commit
    with pytest.raises(ImportRejectedError):
        commit_registry_file(plan, secretariat_jp, Programme.objects.get())
    assert FinancingLine.objects.count() == 2


def test_a_row_the_model_refuses_is_rejected_at_the_preview(
    project: JointProject, secretariat_jp: User
) -> None:
    line = FinancingLine.objects.get(currency="RUB")
    raw = (
        "project,id,kind,amount,currency,date,period_end,funder\r\n"
        f"{CODE},,grant,100,USD,2022-01-01,,Nobody Ltd\r\n"
        f"{CODE},{line.pk},,,,,,\r\n"
        f"{CODE},,grant,100,usd,2022-01-01,,\r\n"
    )
    plan = _plan(raw.encode(), "financing.csv", secretariat_jp)
    outcomes = plan.records.outcomes
    assert [o.action for o in outcomes] == ["reject", "unchanged", "reject"]
    assert outcomes[0].messages == ["Unknown organisation: Nobody Ltd."]
    assert "currency" in outcomes[2].messages[0]
    milestones = f"project,id,title_en,due_date\r\n{CODE},,,2022-01-01\r\n"
    refused = _plan(milestones.encode(), "milestones.csv", secretariat_jp).records.outcomes
    assert refused[0].messages == ["Give a title in at least one language."]


def test_someone_who_may_not_change_the_project_is_refused(
    project: JointProject, make_user: Callable[..., User]
) -> None:
    official = make_user(Role.OFFICIAL, "JP")
    raw = f"project,id,title_en\r\n{CODE},,Inspection\r\n"
    plan = _plan(raw.encode(), "milestones.csv", official)
    assert plan.records.outcomes[0].action == "reject"
    assert "may not change" in plan.records.outcomes[0].messages[0]


def test_a_project_changed_after_the_preview_stops_the_import(
    project: JointProject, secretariat_jp: User
) -> None:
    raw = f"project,id,title_en\r\n{CODE},,Inspection\r\n"
    plan = _plan(raw.encode(), "milestones.csv", secretariat_jp)
    records.source_create(
        project=project,
        expected_version=project.version,
        data=SourceIn.model_validate({"kind": "document", "title": "Meanwhile"}),
        actor=secretariat_jp,
    )
    with pytest.raises(ImportRejectedError, match="changed since the preview"):
        commit_registry_file(plan, secretariat_jp, Programme.objects.get())
    assert not Milestone.objects.filter(title_en="Inspection").exists()
