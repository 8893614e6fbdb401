"""Writes on joint projects: create, update with a version check, change status."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.actors import Actor, actor_reason, actor_user
from tandem.core.audit import one_creation_record, with_actor
from tandem.core.crosslingual.search import with_keys
from tandem.core.history import delete_rows, replace_rows
from tandem.core.models import Organisation
from tandem.core.permissions import check
from tandem.programme.models import LabelExample, Programme
from tandem.projects.enums import Disclosure, ProjectStatus
from tandem.projects.messages import automatic_reason
from tandem.projects.models import (
    FinancingLine,
    JointProject,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    Sector,
    StatusChange,
)
from tandem.projects.schemas import FinancingIn, ProjectIn
from tandem.projects.services.label_examples import project_label_example_record
from tandem.projects.services.references import References, Resolved, resolve
from tandem.projects.services.registry_cache import registry_changed

SCALAR_FIELDS = (
    "title_en",
    "title_ja",
    "title_ru",
    "summary_en",
    "summary_ja",
    "summary_ru",
    "places",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "disclosure",
)


class StaleEditError(Exception):
    """Someone else saved the project since this edit began; nothing was overwritten."""

    def __init__(self, project: JointProject, expected_version: int) -> None:
        self.project = project
        self.expected_version = expected_version
        super().__init__(
            _(
                "Project %(code)s was changed by someone else since you opened it "
                "(version %(expected)s, now %(current)s). Nothing was saved: reload it and "
                "make your change again."
            )
            % {"code": project.code, "expected": expected_version, "current": project.version}
        )


def search_text_of(project: JointProject) -> str:
    participants = project.participants.select_related("organisation")
    return search_text_from(project, [participant.organisation for participant in participants])


def search_text_from(project: JointProject, organisations: list[Organisation]) -> str:
    """The text a search matches ``project`` by: its code, places, titles and summaries and
    its participants' names in the three languages, with the cross-lingual keys."""
    parts = [project.code, project.places]
    for language in ("en", "ja", "ru"):
        parts.append(getattr(project, f"title_{language}") or "")
        parts.append(getattr(project, f"summary_{language}") or "")
    for organisation in organisations:
        parts.extend(
            getattr(organisation, f"name_{language}") or "" for language in ("en", "ja", "ru")
        )
    return with_keys(" ".join(part for part in parts if part))


def project_written_elsewhere(project: JointProject | None = None) -> None:
    """After a write that did not go through these services (the admin): what they keep
    besides the rows. The search text, the version a stale editor is checked against, and
    the generation of the cached registry figures (in the admin's own transaction)."""
    if project is not None:
        JointProject.objects.filter(pk=project.pk).update(
            search_text=search_text_of(project), version=F("version") + 1
        )
    registry_changed()


def _apply(project: JointProject, data: ProjectIn, resolved: Resolved, actor: Actor) -> None:
    """Write the related rows that ``data`` gives (replacing them), then the search text."""
    given = data.given()
    if "plan_areas" in given:
        replace_rows(
            ProjectPlanArea.objects.filter(project=project),
            ProjectPlanArea,
            (
                ProjectPlanArea(project=project, plan_area=area, is_primary=index == 0)
                for index, area in enumerate(resolved.plan_areas)
            ),
            fields=("plan_area_id", "is_primary"),
            actor=actor,
        )
    if "national_projects" in given:
        project.national_projects.set(resolved.national_projects)
    if "regions" in given:
        project.regions.set(resolved.regions)
    if "aspects" in given:
        replace_rows(
            ProjectAspect.objects.filter(project=project),
            ProjectAspect,
            (ProjectAspect(project=project, aspect=aspect) for aspect in data.aspects or []),
            fields=("aspect",),
            actor=actor,
        )
    if "sectors" in given:
        replace_rows(
            Sector.objects.filter(project=project),
            Sector,
            (
                Sector(project=project, vocabulary=sector.vocabulary, code=sector.code)
                for sector in data.sectors or []
            ),
            fields=("vocabulary", "code"),
            actor=actor,
        )
    if "participants" in given:
        replace_rows(
            Participant.objects.filter(project=project),
            Participant,
            (
                Participant(project=project, organisation=organisation, side=side, role=role)
                for organisation, side, role in resolved.participants
            ),
            fields=("organisation_id", "side_id", "role"),
            actor=actor,
        )
    if "financing" in given:
        replace_rows(
            FinancingLine.objects.filter(project=project),
            FinancingLine,
            (FinancingLine(project=project, **line.model_dump()) for line in data.financing or []),
            fields=tuple(FinancingIn.model_fields),
            actor=actor,
        )
    JointProject.objects.filter(pk=project.pk).update(search_text=search_text_of(project))


def _set_scalars(project: JointProject, data: ProjectIn, resolved: Resolved) -> None:
    given = data.given()
    for name in SCALAR_FIELDS:
        if name in given:
            setattr(project, name, given[name])
    if "disclosure" in given or "confidential_side" in given:
        project.confidential_side = resolved.confidential_side
    for name in data.clear or []:
        if name == "confidential_side":
            project.confidential_side = None
        else:
            setattr(project, name, "" if name.startswith(("title", "summary", "places")) else None)
    if data.clear and not any(getattr(project, f"title_{lang}") for lang in ("en", "ja", "ru")):
        raise ValidationError({"title": _("Give the project a title in at least one language.")})


def forget_confidential_label_example(project: JointProject, *, actor: Actor) -> None:
    """A side-confidential project's text is no example for the label suggester, which
    serves both sides (a suggestion can echo its examples): drop the one it may have."""
    if project.disclosure == Disclosure.SIDE_CONFIDENTIAL:
        delete_rows(LabelExample.objects.filter(project_code=project.code), actor=actor)


def may_write(actor: Actor, project: JointProject) -> bool:
    """Whether ``actor`` may hold ``project`` as it would be saved: a side never writes into
    the other side's confidential space (the disclosure and side are those being saved)."""
    return check(actor, "projects.change_project", project)


def ensure_may_write(actor: Actor, project: JointProject) -> None:
    if not may_write(actor, project):
        raise PermissionDenied(
            _("You may not write a project that is confidential to the other side.")
        )


def result_of(project: JointProject | None, data: ProjectIn, resolved: Resolved) -> JointProject:
    """An unsaved copy of ``project`` (or a new one) with the scalar changes of ``data``: what
    a write would leave, to check before anything is written."""
    result = copy.copy(project) if project is not None else JointProject(code=data.code)
    _set_scalars(result, data, resolved)
    return result


@transaction.atomic
def project_create(
    *,
    programme: Programme,
    data: ProjectIn,
    actor: Actor,
    is_illustrative: bool = False,
    references: References | None = None,
    suggested_primary: str = "",
) -> JointProject:
    """Register a new project; its labels become an example for the label suggester
    (``suggested_primary`` is the primary plan area the suggester offered, if any)."""
    given = data.given()
    if not any(given.get(f"title_{language}") for language in ("en", "ja", "ru")):
        raise ValidationError({"title": _("Give the project a title in at least one language.")})
    if JointProject.objects.filter(code=data.code).exists():
        raise ValidationError(
            {"code": _("A project with code %(code)s exists.") % {"code": data.code}}
        )
    if not data.plan_areas:
        raise ValidationError({"plan_areas": _("Name at least one plan area (the primary first).")})
    resolved = resolve(data, programme, references)
    status = data.status or ProjectStatus.IDEA
    status_date = data.status_date or timezone.localdate()
    project = JointProject(
        programme=programme,
        code=data.code,
        status=status,
        status_date=status_date,
        is_illustrative=is_illustrative,
    )
    _set_scalars(project, data, resolved)
    project.full_clean()  # a side-confidential project without its side is a ValidationError
    ensure_may_write(actor, project)
    with_actor(project, actor)
    with one_creation_record(project):
        project.save()
        StatusChange.objects.create(
            project=project,
            from_status="",
            to_status=status,
            date=status_date,
            actor=actor_user(actor),
            **automatic_reason("registered"),
        )
        _apply(project, data, resolved, actor)
    project_label_example_record(project=project, actor=actor, suggested_primary=suggested_primary)
    registry_changed()
    return project


@transaction.atomic
def project_update(
    *,
    project: JointProject,
    data: ProjectIn,
    expected_version: int,
    actor: Actor,
    reason: str = "",
    references: References | None = None,
    suggested_primary: str = "",
) -> JointProject:
    """Change the given fields; refused without any write if the project moved on meanwhile.
    The labels saved become the project's example for the label suggester."""
    claimed = JointProject.objects.filter(pk=project.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise StaleEditError(JointProject.objects.get(pk=project.pk), expected_version)
    project = JointProject.objects.get(pk=project.pk)
    resolved = resolve(data, project.programme, references)
    _set_scalars(project, data, resolved)
    project.full_clean()  # a side-confidential project without its side is a ValidationError
    ensure_may_write(actor, project)
    with_actor(project, actor)
    if reason:
        project._change_reason = actor_reason(actor, reason)  # type: ignore[attr-defined]
    project.save()
    if data.status and data.status != project.status:
        _record_status(
            project, data.status, data.status_date or timezone.localdate(), reason, None, actor
        )
    elif data.status_date and data.status_date != project.status_date:
        _correct_status_date(project, data.status_date, reason, actor)
    _apply(project, data, resolved, actor)
    forget_confidential_label_example(project, actor=actor)
    project_label_example_record(project=project, actor=actor, suggested_primary=suggested_primary)
    registry_changed()
    return project


def _record_status(
    project: JointProject,
    status: str,
    date: dt.date,
    reason: str,
    session: Any,
    actor: Actor,
) -> None:
    StatusChange.objects.create(
        project=project,
        from_status=project.status,
        to_status=status,
        date=date,
        reason=reason,
        reported_to=session,
        actor=actor_user(actor),
    )
    project.status = status
    project.status_date = date
    with_actor(project, actor)
    project._change_reason = actor_reason(  # type: ignore[attr-defined]
        actor, reason or _("status changed")
    )
    project.save(update_fields=["status", "status_date", "updated_at"])


def _correct_status_date(project: JointProject, date: dt.date, reason: str, actor: Actor) -> None:
    """The current status began on another day: correct the date, in the project and in the
    step of its status history that began the status."""
    step = project.status_changes.filter(to_status=project.status).order_by("-date", "-id").first()
    if step is not None:
        with_actor(step, actor)
        step.date = date
        step.save(update_fields=["date"])
    project.status_date = date
    with_actor(project, actor)
    project._change_reason = reason or _("status date corrected")  # type: ignore[attr-defined]
    project.save(update_fields=["status_date", "updated_at"])


@transaction.atomic
def project_change_status(
    *,
    project: JointProject,
    status: str,
    date: dt.date,
    reason: str,
    actor: Actor,
    session: Any = None,
    expected_version: int | None = None,
) -> JointProject:
    if status not in ProjectStatus.values:
        raise ValidationError({"status": _("Unknown status: %(status)s.") % {"status": status}})
    version = project.version if expected_version is None else expected_version
    claimed = JointProject.objects.filter(pk=project.pk, version=version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise StaleEditError(JointProject.objects.get(pk=project.pk), version)
    project = JointProject.objects.get(pk=project.pk)
    if project.status != status:
        _record_status(project, status, date, reason, session, actor)
        registry_changed()
    return project


@transaction.atomic
def projects_bulk_change_status(
    *, projects: list[JointProject], status: str, date: dt.date, reason: str, actor: Actor
) -> int:
    """Move several projects to ``status`` at once; all or nothing."""
    changed = 0
    for project in projects:
        if project.status != status:
            project_change_status(
                project=project, status=status, date=date, reason=reason, actor=actor
            )
            changed += 1
    return changed
