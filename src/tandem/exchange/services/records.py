"""Writes of the exchange: each validates the record, saves it as the actor, and keeps history."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    ExchangeFile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.uploads import validate_upload
from tandem.projects.models import JointProject

M = TypeVar("M", bound=models.Model)


def _save(instance: M, actor: Actor, reason: str = "") -> M:
    with transaction.atomic():
        return save_with_actor(instance, actor, reason=reason)


def enterprise_save(
    *,
    profile: EnterpriseProfile,
    joint_projects: Iterable[JointProject] | None = None,
    actor: Actor,
) -> EnterpriseProfile:
    """Create or update an enterprise's profile; ``joint_projects`` replaces the links."""
    with transaction.atomic():
        save_with_actor(profile, actor)
        if joint_projects is not None:
            profile.joint_projects.set(list(joint_projects))
    return profile


def dispatch_save(*, dispatch: SpecialistDispatch, actor: Actor) -> SpecialistDispatch:
    return _save(dispatch, actor)


def placement_save(*, placement: TraineePlacement, actor: Actor) -> TraineePlacement:
    return _save(placement, actor)


def indicator_save(*, indicator: KpiIndicator, actor: Actor) -> KpiIndicator:
    """Create an indicator, or save one without a version check (the import); a change still
    moves its version on, so that an edit form opened before it is refused."""
    if indicator.pk:
        indicator.version += 1
    return _save(indicator, actor)


def measurement_save(*, measurement: KpiMeasurement, actor: Actor) -> KpiMeasurement:
    """Create a measurement, or correct one without a version check (the import, the API's
    PUT); a correction still moves its version on."""
    if measurement.pk:
        measurement.version += 1
    return _save(measurement, actor)


def outcome_save(*, outcome: BusinessOutcome, actor: Actor) -> BusinessOutcome:
    return _save(outcome, actor)


def file_attach(*, attachment: ExchangeFile, actor: Actor) -> ExchangeFile:
    """Attach a file after checking its type (by extension and by content) and size."""
    validate_upload(attachment.file)
    return _save(attachment, actor)


class StaleRecordError(Exception):
    """Someone else saved the record since this edit began; nothing was overwritten."""

    def __init__(self, record: models.Model, expected_version: int) -> None:
        self.record = record
        self.expected_version = expected_version
        super().__init__(
            _(
                "“%(record)s” was changed by someone else since you opened it (version "
                "%(expected)s, now %(current)s). Nothing was saved: reload it and make your "
                "change again."
            )
            % {
                "record": record,
                "expected": expected_version,
                "current": getattr(record, "version", "?"),
            }
        )


V = TypeVar("V", KpiIndicator, KpiMeasurement)


def _versioned_save(record: V, expected_version: int, actor: Actor) -> V:
    """Save an edited indicator or measurement only if nobody saved it since it was opened."""
    model = type(record)
    with transaction.atomic():
        claimed = model.objects.filter(pk=record.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not claimed:
            raise StaleRecordError(model.objects.get(pk=record.pk), expected_version)
        record.version = expected_version + 1
        return save_with_actor(record, actor, reason="edited")


def indicator_update(
    *, indicator: KpiIndicator, expected_version: int, actor: Actor
) -> KpiIndicator:
    """Save the changed kind, name, unit or direction; existing values must fit the unit."""
    with transaction.atomic():
        saved = _versioned_save(indicator, expected_version, actor)
        for measurement in saved.measurements.all():
            measurement.indicator = saved
            try:
                measurement.full_clean()
            except ValidationError as error:
                raise ValidationError(
                    {
                        "unit": _(
                            "The recorded value %(value)s (%(horizon)s) does not fit this "
                            "unit: %(problem)s"
                        )
                        % {
                            "value": measurement.value,
                            "horizon": measurement.get_horizon_display(),
                            "problem": " ".join(error.messages),
                        }
                    }
                ) from error
    return saved


def measurement_update(
    *, measurement: KpiMeasurement, expected_version: int, actor: Actor
) -> KpiMeasurement:
    return _versioned_save(measurement, expected_version, actor)
