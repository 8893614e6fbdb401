"""Who may see which changes in the home page's feed: one rule per kind of record, made of the
same rules and selectors as the record's own page (``tandem.core.feed``).

Kinds left out have no page a reader could open, or only one for some roles: user accounts
(a sign-in changes the account), label examples (they quote projects of either side), and
the fairs' working records, which only organisers open. ``FEED_EXCLUDED`` names them, so that
a test can prove every tracked kind has been decided on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

from tandem.committee import models as committee
from tandem.core import models as core
from tandem.core.feed import Change, FeedRule, latest_changes_for
from tandem.core.permissions import check
from tandem.exchange import models as exchange
from tandem.exchange.selectors import visibility as exchange_visibility
from tandem.fairs import models as fairs
from tandem.interop import models as interop
from tandem.matchmaking import models as matchmaking
from tandem.matchmaking.selectors.introductions import visible_introductions
from tandem.matchmaking.selectors.profiles import visible_profiles
from tandem.press import models as press
from tandem.programme import models as programme
from tandem.projects import models as projects
from tandem.projects.selectors.visibility import visible_filter, visible_projects
from tandem.trade import models as trade
from tandem.web.models import SavedFilter

Visible = Callable[[Any], QuerySet[Any]]


def _everyone(model: type[models.Model]) -> Visible:
    return lambda reader: model._default_manager.all()


def _with_permission(model: type[models.Model], permission: str) -> Visible:
    """Every record of ``model`` for readers with the page's ``permission``, else none."""

    def visible(reader: Any) -> QuerySet[Any]:
        rows = model._default_manager.all()
        return rows if check(reader, permission) else rows.none()

    return visible


def _of_visible_project(model: type[models.Model], field: str = "project") -> Visible:
    """Records that belong to a project the reader may open."""
    return lambda reader: model._default_manager.filter(
        **{f"{field}__in": visible_projects(reader)}
    )


def _hidden_projects(reader: Any) -> QuerySet[projects.JointProject]:
    return projects.JointProject.objects.exclude(visible_filter(reader))


def _session_record(model: type[models.Model]) -> Visible:
    """A committee record, for readers of the sessions, unless it names a project they may not
    open."""

    def visible(reader: Any) -> QuerySet[Any]:
        rows = _with_permission(model, "committee.view_session")(reader)
        if any(field.name == "projects" for field in model._meta.get_fields()):
            rows = rows.exclude(projects__in=_hidden_projects(reader))
        return rows

    return visible


def _without_hidden_project(visible: Visible, field: str = "joint_project") -> Visible:
    return lambda reader: visible(reader).exclude(**{f"{field}__in": _hidden_projects(reader)})


def _exchange_files(reader: Any) -> QuerySet[exchange.ExchangeFile]:
    return exchange.ExchangeFile.objects.filter(
        Q(dispatch__in=exchange_visibility.visible_dispatches(reader))
        | Q(placement__in=exchange_visibility.visible_placements(reader))
        | Q(indicator__in=exchange_visibility.visible_indicators(reader))
    )


def _label_examples(reader: Any) -> QuerySet[programme.LabelExample]:
    """Label examples, for those who keep them, when the project quoted is one they may open."""
    rows = _with_permission(programme.LabelExample, "programme.change_alignment")(reader)
    hidden_codes = _hidden_projects(reader).values("code")
    return rows.exclude(project_code__in=hidden_codes)


FEED_RULES: dict[type[models.Model], FeedRule] = {
    **{
        model: FeedRule(_everyone(model))
        for model in (
            core.Country,
            core.FederalDistrict,
            core.Region,
            programme.Programme,
            programme.PlanArea,
            programme.NationalProject,
            programme.IntendedAlignment,
            projects.ExchangeRate,
        )
    },
    core.Organisation: FeedRule(_with_permission(core.Organisation, "core.view_organisation")),
    core.Person: FeedRule(_with_permission(core.Person, "core.view_person")),
    programme.LabelExample: FeedRule(_label_examples),
    projects.JointProject: FeedRule(visible_projects, then_permission="projects.view_project"),
    **{
        model: FeedRule(_of_visible_project(model))
        for model in (
            projects.ProjectPlanArea,
            projects.ProjectAspect,
            projects.Sector,
            projects.Participant,
            projects.StatusChange,
            projects.Milestone,
            projects.Source,
            projects.FinancingLine,
            projects.ResultIndicator,
        )
    },
    interop.IatiActivity: FeedRule(_of_visible_project(interop.IatiActivity)),
    projects.IndicatorValue: FeedRule(
        _of_visible_project(projects.IndicatorValue, "indicator__project")
    ),
    **{
        model: FeedRule(_session_record(model))
        for model in (
            committee.Committee,
            committee.CommitteeSession,
            committee.SessionCoChair,
            committee.WorkingGroup,
            committee.Delegate,
            committee.AgendaItem,
            committee.Decision,
            committee.ActionItem,
        )
    },
    committee.DecisionPublicMark: FeedRule(
        lambda reader: committee.DecisionPublicMark.objects.filter(
            decision__in=_session_record(committee.Decision)(reader)
        )
    ),
    exchange.EnterpriseProfile: FeedRule(exchange_visibility.visible_enterprises),
    exchange.SpecialistDispatch: FeedRule(exchange_visibility.visible_dispatches),
    exchange.TraineePlacement: FeedRule(exchange_visibility.visible_placements),
    exchange.KpiIndicator: FeedRule(exchange_visibility.visible_indicators),
    exchange.KpiMeasurement: FeedRule(
        lambda reader: exchange.KpiMeasurement.objects.filter(
            indicator__in=exchange_visibility.visible_indicators(reader)
        )
    ),
    exchange.BusinessOutcome: FeedRule(
        _without_hidden_project(exchange_visibility.visible_outcomes)
    ),
    exchange.ExchangeFile: FeedRule(_exchange_files),
    fairs.Fair: FeedRule(_with_permission(fairs.Fair, "fairs.view_fair")),
    **{
        model: FeedRule(_with_permission(model, "press.view_press"))
        for model in (press.Article, press.Mention, press.FigureClaim, press.Proposal)
    },
    matchmaking.CompanyProfile: FeedRule(
        visible_profiles, then_permission="matchmaking.view_profile"
    ),
    matchmaking.Introduction: FeedRule(_without_hidden_project(visible_introductions)),
    **{
        model: FeedRule(_with_permission(model, "trade.view_trade"))
        for model in (trade.HsCode, trade.ChapterPlanArea, trade.FdiFigure)
    },
    trade.ImportBatch: FeedRule(_with_permission(trade.ImportBatch, "trade.change_trade")),
}

# Tracked kinds with no feed rule (and so never in the feed), each for a stated reason.
FEED_EXCLUDED: dict[type[models.Model], str] = {
    core.User: "accounts: a sign-in changes the account; no reader page",
    core.ApiToken: "a user's credentials",
    interop.OrganisationToReview: "the secretariat's review queue of imported organisations",
    projects.ConfidentialNote: "one side's notes",
    committee.SessionNote: "one side's notes",
    SavedFilter: "a user's own saved list filters",
    **dict.fromkeys(
        (
            fairs.MeetingSlot,
            fairs.MeetingTable,
            fairs.FairParticipant,
            fairs.Interpreter,
            fairs.MeetingRequest,
            fairs.ScheduleVersion,
            fairs.ScheduledMeeting,
        ),
        "a fair's working record, opened by organisers only",
    ),
}


def home_feed(reader: Any, *, limit: int = 10) -> list[Change]:
    """The latest changes ``reader`` may open; who made them only for programme staff."""
    return latest_changes_for(
        reader=reader,
        rules=FEED_RULES,
        limit=limit,
        shows_actors=check(reader, "core.view_person"),
    )
