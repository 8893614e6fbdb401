"""Writes of the registry keep history with their actor: bulk paths, replacements, deletions."""

from collections.abc import Callable

import pytest

from tandem.core.actors import DEMO_ACTOR, command_actor
from tandem.core.models import ApiToken, User
from tandem.core.services.demo import demo_data_create
from tandem.core.services.users import api_token_create, api_tokens_revoke
from tandem.projects.models import FinancingLine, JointProject, Participant
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.demo import demo_projects_create
from tandem.projects.services.projects import project_update

pytestmark = pytest.mark.integration


def test_demo_financing_lines_and_participants_have_their_creation_records(
    default_programme: None,
) -> None:
    demo_data_create(seed=3, organisations=10, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=3, count=8, actor=DEMO_ACTOR)
    lines = FinancingLine.objects.count()
    assert lines > 0
    records = FinancingLine.history.filter(history_type="+")  # type: ignore[attr-defined]
    assert records.count() == lines
    assert set(records.values_list("history_change_reason", flat=True)) == {"tandem demo-data"}
    participants = Participant.history.filter(history_type="+")  # type: ignore[attr-defined]
    assert participants.count() == Participant.objects.count()


def test_bulk_created_projects_have_their_national_projects_and_regions_on_the_record(
    default_programme: None,
) -> None:
    demo_data_create(seed=3, organisations=10, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=3, count=8, actor=DEMO_ACTOR)
    for project in JointProject.objects.all():
        created = project.history.get(history_type="+")  # type: ignore[attr-defined]
        assert {link.nationalproject_id for link in created.national_projects.all()} == set(
            project.national_projects.values_list("pk", flat=True)
        )
        assert {link.region_id for link in created.regions.all()} == set(
            project.regions.values_list("pk", flat=True)
        )
        assert created.history_change_reason == "tandem demo-data"


def test_replacing_participants_records_only_what_changed_with_the_actor(
    make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project()
    before = Participant.history.count()  # type: ignore[attr-defined]
    project_update(
        project=project,
        data=ProjectIn(
            code=project.code,
            participants=[{"organisation": "Hokuto Precision", "side": "JP", "role": "lead"}],
        ),
        expected_version=project.version,
        actor=secretariat_jp,
    )
    new = Participant.history.order_by("history_id")[before:]  # type: ignore[attr-defined]
    assert [(r.history_type, r.history_user_id) for r in new] == [("-", secretariat_jp.pk)]


def test_api_tokens_issued_and_revoked_are_on_the_record(secretariat_jp: User) -> None:
    actor = command_actor("api-token", secretariat_jp)
    api_token_create(user=secretariat_jp, name="statistics", actor=actor)
    assert api_tokens_revoke(user=secretariat_jp, name="statistics", actor=actor) == 1
    records = ApiToken.history.order_by("history_id")  # type: ignore[attr-defined]
    assert [(r.history_type, r.history_user_id) for r in records] == [
        ("+", secretariat_jp.pk),
        ("-", secretariat_jp.pk),
    ]
    assert records.last().history_change_reason == "tandem api-token by " + (
        f"{secretariat_jp.username}: token revoked"
    )
