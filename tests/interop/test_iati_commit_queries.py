"""The commit of an IATI import writes many activities in a number of statements that does
not grow with them (issue 25: a 60 MB file holds thousands): no query per project to check
that the programme it goes into exists, no default looked up per translated field. The
projects are validated as before (a bad one still names its activity)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.core.models import User
from tandem.interop.iati_registry.plan import iati_import_plan
from tandem.interop.iati_registry.write import iati_import_commit
from tandem.programme.selectors import current_programme
from tandem.projects.models import JointProject

from .iati.published import activities_file, activity_nl

pytestmark = pytest.mark.integration


def _commit_queries(count: int, user: User, first: int) -> int:
    programme = current_programme()
    assert programme is not None
    raw = activities_file(*(activity_nl(f"NL-KVK-00000000-Q{first + n}") for n in range(count)))
    plan = iati_import_plan(raw=raw, source="q.xml", actor=user, programme=programme, sides={})
    with CaptureQueriesContext(connection) as queries:
        counts = iati_import_commit(plan=plan, actor=user, programme=programme)
    assert counts["created"] == count
    return len(queries.captured_queries)


def test_the_commit_makes_as_many_queries_for_six_activities_as_for_two(
    secretariat_jp: User,
) -> None:
    _commit_queries(1, secretariat_jp, 0)  # the first import creates the organisations
    two = _commit_queries(2, secretariat_jp, 10)
    six = _commit_queries(6, secretariat_jp, 100)
    assert six == two
    assert JointProject.objects.filter(iati_identifier__startswith="NL-KVK-00000000-Q").count() == 9
