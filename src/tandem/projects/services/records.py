"""Writes on a project's records: financing lines, milestones, results (indicators with their
actual values per period) and sources.

Every write takes the project's version as the writer saw it, exactly like the project form:
the version is checked and bumped first, so an edit made on a stale page is refused with
:class:`StaleEditError` and nothing is written. Every row is validated (``full_clean``) and
saved with its actor, so its history says who changed it; deletions carry their actor too.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor, with_actor
from tandem.core.models import Organisation
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
from tandem.projects.services.projects import StaleEditError, ensure_may_write
from tandem.projects.services.references import find_organisation
from tandem.projects.services.registry_cache import registry_changed

R = TypeVar("R", bound=models.Model)
LANGUAGES = ("en", "ja", "ru")


def claim_project_version(project: JointProject, expected_version: int, actor: Actor) -> int:
    """Bump the project's version if it is still ``expected_version``; the new version.
    Refused (PermissionDenied) if ``actor`` may not change the project.

    Call inside the write's transaction and before any other write, so that a refused
    claim leaves everything as it was."""
    ensure_may_write(actor, project)
    claimed = JointProject.objects.filter(pk=project.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    if not claimed:
        raise StaleEditError(JointProject.objects.get(pk=project.pk), expected_version)
    transaction.on_commit(registry_changed)
    return expected_version + 1


def _text_for_none(record: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """A text column given None is emptied (such columns hold empty text, never null)."""
    for name, value in values.items():
        if value is None and isinstance(record._meta.get_field(name), models.CharField):
            values[name] = ""
    return values


def _apply(record: R, values: dict[str, Any], actor: Actor) -> R:
    for name, value in _text_for_none(record, values).items():
        setattr(record, name, value)
    return save_with_actor(record, actor)


def _delete(record: models.Model, actor: Actor) -> None:
    with_actor(record, actor)
    record.delete()


def _require_title(record: Milestone | ResultIndicator) -> None:
    if not any(getattr(record, f"title_{language}") for language in LANGUAGES):
        raise ValidationError({"title_en": _("Give a title in at least one language.")})


# --- financing lines ----------------------------------------------------------------------


def _funder(values: dict[str, Any]) -> dict[str, Any]:
    if "funder" in values:
        name = values.pop("funder")
        organisation: Organisation | None = None
        if name:
            organisation = find_organisation(name)
            if organisation is None:
                raise ValidationError(
                    {"funder": _("Unknown organisation: %(name)s.") % {"name": name}}
                )
        values["funder"] = organisation
    return values


@transaction.atomic
def financing_line_create(
    *, project: JointProject, expected_version: int, data: FinancingLineIn, actor: Actor
) -> FinancingLine:
    claim_project_version(project, expected_version, actor)
    return _apply(FinancingLine(project=project), _funder(data.model_dump()), actor)


@transaction.atomic
def financing_line_update(
    *, line: FinancingLine, expected_version: int, changes: FinancingLineChanges, actor: Actor
) -> FinancingLine:
    claim_project_version(line.project, expected_version, actor)
    line = FinancingLine.objects.get(pk=line.pk)
    return _apply(line, _funder(changes.given()), actor)


@transaction.atomic
def financing_line_delete(*, line: FinancingLine, expected_version: int, actor: Actor) -> None:
    claim_project_version(line.project, expected_version, actor)
    _delete(line, actor)


# --- milestones ---------------------------------------------------------------------------


def _milestone_save(milestone: Milestone, values: dict[str, Any], actor: Actor) -> Milestone:
    for name, value in _text_for_none(milestone, values).items():
        setattr(milestone, name, value)
    _require_title(milestone)
    return save_with_actor(milestone, actor)


@transaction.atomic
def milestone_create(
    *, project: JointProject, expected_version: int, data: MilestoneIn, actor: Actor
) -> Milestone:
    claim_project_version(project, expected_version, actor)
    return _milestone_save(Milestone(project=project), data.model_dump(), actor)


@transaction.atomic
def milestone_update(
    *, milestone: Milestone, expected_version: int, changes: MilestoneChanges, actor: Actor
) -> Milestone:
    claim_project_version(milestone.project, expected_version, actor)
    milestone = Milestone.objects.get(pk=milestone.pk)
    return _milestone_save(milestone, changes.given(), actor)


@transaction.atomic
def milestone_delete(*, milestone: Milestone, expected_version: int, actor: Actor) -> None:
    claim_project_version(milestone.project, expected_version, actor)
    _delete(milestone, actor)


# --- results and their values per period --------------------------------------------------


def _check_value(value: IndicatorValue) -> None:
    if value.period_start and value.period_end and value.period_end < value.period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    same_period = IndicatorValue.objects.filter(
        indicator_id=value.indicator_id,
        period_start=value.period_start,
        period_end=value.period_end,
    ).exclude(pk=value.pk)
    if same_period.exists():
        raise ValidationError(
            {"period_start": _("This result already has a value for that period.")}
        )


def _value_save(value: IndicatorValue, values: dict[str, Any], actor: Actor) -> IndicatorValue:
    for name, given in _text_for_none(value, values).items():
        setattr(value, name, given)
    _check_value(value)
    return save_with_actor(value, actor)


def _replace_values(result: ResultIndicator, wanted: list[ResultValueIn], actor: Actor) -> None:
    """Make the result's values per period exactly ``wanted``: change, add and remove."""
    periods = [(value.period_start, value.period_end) for value in wanted]
    if len(set(periods)) != len(periods):
        raise ValidationError({"values": _("A period is listed twice.")})
    current = {(v.period_start, v.period_end): v for v in result.values.all()}
    for period, value in current.items():
        if period not in periods:
            _delete(value, actor)
    for given in wanted:
        existing = current.get((given.period_start, given.period_end))
        fields = given.model_dump()
        if existing is None:
            _value_save(IndicatorValue(indicator=result), fields, actor)
        elif any(getattr(existing, name) != value for name, value in fields.items()):
            _value_save(existing, fields, actor)


def _result_save(result: ResultIndicator, values: dict[str, Any], actor: Actor) -> ResultIndicator:
    periods = values.pop("values", None)
    for name, value in _text_for_none(result, values).items():
        setattr(result, name, value)
    _require_title(result)
    save_with_actor(result, actor)
    if periods is not None:
        _replace_values(result, [ResultValueIn.model_validate(p) for p in periods], actor)
    return result


@transaction.atomic
def result_create(
    *, project: JointProject, expected_version: int, data: ResultIn, actor: Actor
) -> ResultIndicator:
    claim_project_version(project, expected_version, actor)
    return _result_save(ResultIndicator(project=project), data.model_dump(), actor)


@transaction.atomic
def result_update(
    *, result: ResultIndicator, expected_version: int, changes: ResultChanges, actor: Actor
) -> ResultIndicator:
    """Change the given fields; ``values``, when given, is the whole list of periods."""
    claim_project_version(result.project, expected_version, actor)
    result = ResultIndicator.objects.get(pk=result.pk)
    given = changes.given()
    if given.get("values", []) is None:
        del given["values"]
    elif "values" in given:
        given["values"] = [value.model_dump() for value in changes.values or []]
    return _result_save(result, given, actor)


@transaction.atomic
def result_delete(*, result: ResultIndicator, expected_version: int, actor: Actor) -> None:
    """Delete the result and its values, each deletion on the record with its actor."""
    claim_project_version(result.project, expected_version, actor)
    for value in result.values.all():
        _delete(value, actor)
    _delete(result, actor)


@transaction.atomic
def result_value_create(
    *, result: ResultIndicator, expected_version: int, data: ResultValueIn, actor: Actor
) -> IndicatorValue:
    claim_project_version(result.project, expected_version, actor)
    return _value_save(IndicatorValue(indicator=result), data.model_dump(), actor)


@transaction.atomic
def result_value_update(
    *, value: IndicatorValue, expected_version: int, changes: ResultValueChanges, actor: Actor
) -> IndicatorValue:
    claim_project_version(value.indicator.project, expected_version, actor)
    value = IndicatorValue.objects.get(pk=value.pk)
    return _value_save(value, changes.given(), actor)


# --- sources ------------------------------------------------------------------------------


@transaction.atomic
def source_create(
    *, project: JointProject, expected_version: int, data: SourceIn, actor: Actor
) -> Source:
    claim_project_version(project, expected_version, actor)
    return _apply(Source(project=project), data.model_dump(), actor)


@transaction.atomic
def source_update(
    *, source: Source, expected_version: int, changes: SourceChanges, actor: Actor
) -> Source:
    claim_project_version(source.project, expected_version, actor)
    source = Source.objects.get(pk=source.pk)
    return _apply(source, changes.given(), actor)


@transaction.atomic
def source_delete(*, source: Source, expected_version: int, actor: Actor) -> None:
    claim_project_version(source.project, expected_version, actor)
    _delete(source, actor)
