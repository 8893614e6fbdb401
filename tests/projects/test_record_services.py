"""Services for a project's records: financing lines, milestones, results, sources."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import User
from tandem.projects.enums import SourceKind
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    JointProject,
    Milestone,
    ResultIndicator,
    Source,
)
from tandem.projects.record_schemas import (
    FinancingLineChanges,
    FinancingLineIn,
    MilestoneChanges,
    MilestoneIn,
    ResultChanges,
    ResultIn,
    ResultValueChanges,
    ResultValueIn,
    SourceChanges,
    SourceIn,
)
from tandem.projects.services.projects import StaleEditError
from tandem.projects.services.records import (
    financing_line_create,
    financing_line_delete,
    financing_line_update,
    milestone_create,
    milestone_delete,
    milestone_update,
    result_create,
    result_delete,
    result_update,
    result_value_create,
    result_value_update,
    source_create,
    source_delete,
    source_update,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def project(make_project: Callable[..., JointProject]) -> JointProject:
    return make_project()


def _version(project: JointProject) -> int:
    return JointProject.objects.get(pk=project.pk).version


def _loan(amount: str = "1500000.00", **extra: object) -> FinancingLineIn:
    return FinancingLineIn.model_validate(
        {"kind": "loan", "amount": amount, "currency": "JPY", "date": "2020-04-01"} | extra
    )


def _result(**extra: object) -> ResultIn:
    return ResultIn.model_validate(
        {
            "title_en": "Machine-tool output per worker",
            "title_ru": "Выпуск станков на работника",
            "unit": "units",
            "baseline": "12.5",
            "baseline_date": "2019-01-01",
            "target": "20",
            "values": [
                {"period_start": "2020-01-01", "period_end": "2020-12-31", "actual": "14"},
                {"period_start": "2021-01-01", "period_end": "2021-12-31", "actual": "16.25"},
            ],
        }
        | extra
    )


def test_financing_line_create_bumps_the_version_and_keeps_history_with_the_actor(
    project: JointProject, secretariat_jp: User
) -> None:
    version = _version(project)
    line = financing_line_create(
        project=project,
        expected_version=version,
        data=_loan(funder="Hokuto Precision"),
        actor=secretariat_jp,
    )
    assert _version(project) == version + 1
    assert line.funder is not None and line.funder.name == "Hokuto Precision"
    record = line.history.get()  # type: ignore[attr-defined]
    assert (record.history_type, record.history_user) == ("+", secretariat_jp)


def test_a_stale_financing_edit_is_refused_and_nothing_changes(
    project: JointProject, secretariat_jp: User
) -> None:
    version = _version(project)
    line = financing_line_create(
        project=project, expected_version=version, data=_loan(), actor=secretariat_jp
    )
    with pytest.raises(StaleEditError, match="changed by someone else"):
        financing_line_update(
            line=line,
            expected_version=version,  # the version before the line was added: stale
            changes=FinancingLineChanges(amount=Decimal(1)),
            actor=secretariat_jp,
        )
    line.refresh_from_db()
    assert line.amount == Decimal("1500000.00")
    assert _version(project) == version + 1
    assert line.history.count() == 1  # type: ignore[attr-defined]


def test_financing_update_changes_only_the_given_fields(
    project: JointProject, secretariat_jp: User
) -> None:
    line = financing_line_create(
        project=project,
        expected_version=_version(project),
        data=_loan(funder="Hokuto Precision", is_disbursement=True),
        actor=secretariat_jp,
    )
    financing_line_update(
        line=line,
        expected_version=_version(project),
        changes=FinancingLineChanges(amount=Decimal("99.50")),
        actor=secretariat_jp,
    )
    line.refresh_from_db()
    assert (line.amount, line.currency, line.is_disbursement) == (Decimal("99.50"), "JPY", True)
    assert line.funder is not None
    latest = line.history.first()  # type: ignore[attr-defined]
    assert (latest.history_type, latest.history_user) == ("~", secretariat_jp)


def test_an_unknown_funder_is_refused_with_its_name(
    project: JointProject, secretariat_jp: User
) -> None:
    version = _version(project)
    with pytest.raises(ValidationError) as error:
        financing_line_create(
            project=project,
            expected_version=version,
            data=_loan(funder="Nobody Ltd"),
            actor=secretariat_jp,
        )
    assert error.value.message_dict == {"funder": ["Unknown organisation: Nobody Ltd."]}
    assert _version(project) == version  # the claim was rolled back with the write
    assert not FinancingLine.objects.exists()


def test_financing_delete_is_on_the_record_with_its_actor(
    project: JointProject, secretariat_jp: User
) -> None:
    line = financing_line_create(
        project=project, expected_version=_version(project), data=_loan(), actor=secretariat_jp
    )
    financing_line_delete(line=line, expected_version=_version(project), actor=secretariat_jp)
    assert not FinancingLine.objects.exists()
    deleted = FinancingLine.history.get(history_type="-")  # type: ignore[attr-defined]
    assert deleted.history_user == secretariat_jp


def test_milestone_needs_a_title_in_some_language(
    project: JointProject, secretariat_jp: User
) -> None:
    with pytest.raises(ValidationError) as error:
        milestone_create(
            project=project,
            expected_version=_version(project),
            data=MilestoneIn(due_date=dt.date(2021, 3, 1)),
            actor=secretariat_jp,
        )
    assert error.value.message_dict == {"title_en": ["Give a title in at least one language."]}


def test_milestone_create_update_delete(project: JointProject, secretariat_jp: User) -> None:
    milestone = milestone_create(
        project=project,
        expected_version=_version(project),
        data=MilestoneIn(title_ja="試運転", due_date=dt.date(2021, 3, 1)),
        actor=secretariat_jp,
    )
    milestone_update(
        milestone=milestone,
        expected_version=_version(project),
        changes=MilestoneChanges(done_date=dt.date(2021, 2, 20)),
        actor=secretariat_jp,
    )
    milestone.refresh_from_db()
    assert (milestone.title_ja, milestone.due_date, milestone.done_date) == (  # type: ignore[attr-defined]
        "試運転",
        dt.date(2021, 3, 1),
        dt.date(2021, 2, 20),
    )
    milestone_delete(milestone=milestone, expected_version=_version(project), actor=secretariat_jp)
    users = [r.history_user for r in Milestone.history.all()]  # type: ignore[attr-defined]
    assert users == [secretariat_jp] * 3
    assert not Milestone.objects.exists()


def test_result_keeps_baseline_target_and_values_per_period(
    project: JointProject, secretariat_jp: User
) -> None:
    result = result_create(
        project=project, expected_version=_version(project), data=_result(), actor=secretariat_jp
    )
    assert (result.baseline, result.target) == (Decimal("12.5"), Decimal(20))
    assert [v.actual for v in result.values.all()] == [Decimal(14), Decimal("16.25")]
    result_update(
        result=result,
        expected_version=_version(project),
        changes=ResultChanges.model_validate(
            {
                "values": [
                    {"period_start": "2021-01-01", "period_end": "2021-12-31", "actual": "17"},
                    {"period_start": "2022-01-01", "period_end": "2022-12-31", "actual": "19"},
                ]
            }
        ),
        actor=secretariat_jp,
    )
    periods = [(v.period_start.year, v.actual) for v in result.values.all()]
    assert periods == [(2021, Decimal(17)), (2022, Decimal(19))]
    result.refresh_from_db()
    assert result.baseline == Decimal("12.5")  # not given: left as it was
    removed = IndicatorValue.history.get(history_type="-")  # type: ignore[attr-defined]
    assert (removed.period_start.year, removed.history_user) == (2020, secretariat_jp)


def test_result_value_period_must_be_ordered_and_unique(
    project: JointProject, secretariat_jp: User
) -> None:
    result = result_create(
        project=project, expected_version=_version(project), data=_result(), actor=secretariat_jp
    )
    with pytest.raises(ValidationError, match="already has a value for that period"):
        result_value_create(
            result=result,
            expected_version=_version(project),
            data=ResultValueIn(
                period_start=dt.date(2020, 1, 1),
                period_end=dt.date(2020, 12, 31),
                actual=Decimal(1),
            ),
            actor=secretariat_jp,
        )
    value = result.values.first()
    assert value is not None
    with pytest.raises(ValidationError, match="ends before it starts"):
        result_value_update(
            value=value,
            expected_version=_version(project),
            changes=ResultValueChanges(period_end=dt.date(2019, 1, 1)),
            actor=secretariat_jp,
        )


def test_result_delete_records_each_value_deletion_with_the_actor(
    project: JointProject, secretariat_jp: User
) -> None:
    result = result_create(
        project=project, expected_version=_version(project), data=_result(), actor=secretariat_jp
    )
    result_delete(result=result, expected_version=_version(project), actor=secretariat_jp)
    assert not ResultIndicator.objects.exists()
    deletions = IndicatorValue.history.filter(history_type="-")  # type: ignore[attr-defined]
    assert [d.history_user for d in deletions] == [secretariat_jp, secretariat_jp]


def test_source_create_update_delete(project: JointProject, secretariat_jp: User) -> None:
    source = source_create(
        project=project,
        expected_version=_version(project),
        data=SourceIn(kind=SourceKind.DOCUMENT, title="Agreement", url="https://example.org/a"),
        actor=secretariat_jp,
    )
    with pytest.raises(ValidationError) as error:
        source_update(
            source=source,
            expected_version=_version(project),
            changes=SourceChanges(url="not an address"),
            actor=secretariat_jp,
        )
    assert "url" in error.value.message_dict
    source_update(
        source=source,
        expected_version=_version(project),
        changes=SourceChanges(title="Signed agreement", date=dt.date(2019, 9, 5)),
        actor=secretariat_jp,
    )
    source.refresh_from_db()
    assert (source.title, source.url) == ("Signed agreement", "https://example.org/a")
    source_delete(source=source, expected_version=_version(project), actor=secretariat_jp)
    assert not Source.objects.exists()
