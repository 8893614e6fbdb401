"""Writes of the exchange: each validates the record, saves it as the actor, and keeps history."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

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
from tandem.projects.models import JointProject

M = TypeVar("M", bound=models.Model)


def _save(instance: M, actor: Any, reason: str = "") -> M:
    with transaction.atomic():
        return save_with_actor(instance, actor, reason=reason)


def enterprise_save(
    *,
    profile: EnterpriseProfile,
    joint_projects: Iterable[JointProject] | None = None,
    actor: Any,
) -> EnterpriseProfile:
    """Create or update an enterprise's profile; ``joint_projects`` replaces the links."""
    with transaction.atomic():
        save_with_actor(profile, actor)
        if joint_projects is not None:
            profile.joint_projects.set(list(joint_projects))
    return profile


def dispatch_save(*, dispatch: SpecialistDispatch, actor: Any) -> SpecialistDispatch:
    return _save(dispatch, actor)


def placement_save(*, placement: TraineePlacement, actor: Any) -> TraineePlacement:
    return _save(placement, actor)


def indicator_save(*, indicator: KpiIndicator, actor: Any) -> KpiIndicator:
    return _save(indicator, actor)


def measurement_save(*, measurement: KpiMeasurement, actor: Any) -> KpiMeasurement:
    return _save(measurement, actor)


def outcome_save(*, outcome: BusinessOutcome, actor: Any) -> BusinessOutcome:
    return _save(outcome, actor)


def file_attach(*, attachment: ExchangeFile, actor: Any) -> ExchangeFile:
    return _save(attachment, actor)
