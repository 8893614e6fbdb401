"""A small registry for the open-data portal's tests: demo projects of every disclosure, the
demo committee, a public project translated after it was entered, and records planted with a
marker that the public must never see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction

from tandem.committee.models import CommitteeSession, Decision
from tandem.committee.services.decisions import decision_create, decision_mark_public
from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import Country, Organisation
from tandem.core.services.demo import demo_data_create
from tandem.programme.selectors import current_programme
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.demo import demo_projects_create
from tandem.projects.services.projects import project_create, project_update

MARKER = "OPENLEAKMARK7Q"
TRANSLATED = "JR-2024-9900"


@dataclass(frozen=True)
class OpenWorld:
    public: JointProject
    hidden_codes: tuple[str, ...]
    public_decision: Decision


def _participants() -> list[dict[str, str]]:
    people = []
    for side, role in (("RU", "lead"), ("JP", "lead")):
        organisation = Organisation.objects.filter(side__code=side).order_by("pk").first()
        assert organisation is not None
        people.append({"organisation": organisation.name, "side": side, "role": role})
    return people


def _project(code: str, disclosure: str, side: str | None = None, **texts: str) -> JointProject:
    programme = current_programme()
    assert programme is not None
    data = ProjectIn.model_validate(
        {
            "code": code,
            "status": "under_implementation",
            "status_date": dt.date(2024, 5, 1),
            "plan_areas": ["P5"],
            "planned_start": dt.date(2024, 1, 1),
            "planned_end": dt.date(2026, 12, 31),
            "disclosure": disclosure,
            "confidential_side": side,
            "participants": _participants(),
            **texts,
        }
    )
    return project_create(programme=programme, data=data, actor=DEMO_ACTOR)


def _hidden(code: str, disclosure: str, side: str | None = None) -> JointProject:
    return _project(
        code,
        disclosure,
        side,
        title_en=f"Secret plant {MARKER} {disclosure}",
        title_ja=f"秘密 {MARKER}",
        summary_ru=f"Секрет {MARKER}",
        places=f"Place {MARKER}",
    )


@pytest.fixture(scope="module")
def open_world(
    django_db_setup: Any, django_db_blocker: Any, default_rows: Any
) -> Iterator[OpenWorld]:
    """The registry of these tests, built once per module in a transaction rolled back at its
    end; each test still runs in its own savepoint, so nothing a test writes reaches the next."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _build(default_rows)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _build(default_rows: Any) -> OpenWorld:
    import default_snapshot  # type: ignore[import-not-found]  # tests/support

    from tandem.programme.models import Programme

    if not Programme.objects.exists():
        default_snapshot.restore(default_rows)
    demo_data_create(seed=3, organisations=10, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=3, count=15, actor=DEMO_ACTOR)
    committee_demo_create(seed=2019, actor=DEMO_ACTOR)
    public = _project(
        TRANSLATED,
        "public",
        title_ru="Порт Восточный: цифровой терминал",
        summary_ru="Пилот цифрового терминала.",
    )
    public = project_update(
        project=public,
        data=ProjectIn(code=TRANSLATED, title_en="Vostochny port: a digital terminal"),
        expected_version=public.version,
        actor=DEMO_ACTOR,
    )
    hidden = (
        _hidden("JR-2024-9901", "internal"),
        _hidden("JR-2024-9902", "side_confidential", "JP"),
        _hidden("JR-2024-9903", "side_confidential", "RU"),
    )
    session = CommitteeSession.objects.order_by("number").first()
    assert session is not None
    # A decision not made public, about a public and a hidden project.
    decision_create(
        session=session,
        texts={"en": f"Unpublished {MARKER}", "ja": "", "ru": ""},
        authentic=["en"],
        translation={"en": "checked", "ja": "missing", "ru": "missing"},
        project_ids=[public.pk, hidden[0].pk],
        actor=DEMO_ACTOR,
    )
    published = Decision.objects.exclude(text__contains=MARKER).order_by("pk").first()
    assert published is not None
    for side in Country.objects.filter(code__in=("JP", "RU")):
        decision_mark_public(decision=published, side_id=side.pk, public=True, actor=DEMO_ACTOR)
    published.refresh_from_db()
    assert published.is_public
    # a public decision may concern a hidden project: that one is not shown
    published.projects.add(hidden[1], public)
    return OpenWorld(
        public=JointProject.objects.get(code=TRANSLATED),
        hidden_codes=tuple(p.code for p in hidden),
        public_decision=published,
    )
