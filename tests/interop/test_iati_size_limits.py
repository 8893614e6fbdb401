"""How large an IATI file may be: the command line takes real publishers' largest files
(TANDEM_IATI_MAX_BYTES), the page only what it can preview within a request
(TANDEM_UPLOAD_MAX_BYTES)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from tandem.core.models import User
from tandem.interop.iati_registry.plan import iati_import_plan
from tandem.interop.iati_registry.write import iati_import_commit
from tandem.programme.selectors import current_programme
from tandem.projects.models import JointProject

from .iati.published import activities_file, activity_es

pytestmark = pytest.mark.integration

FILE = activities_file(activity_es())


def test_a_file_over_the_upload_limit_is_imported_from_the_command_line(
    secretariat_jp: User,
) -> None:
    programme = current_programme()
    assert programme is not None
    with override_settings(TANDEM_UPLOAD_MAX_BYTES=len(FILE) - 1, TANDEM_IATI_MAX_BYTES=len(FILE)):
        plan = iati_import_plan(
            raw=FILE, source="big.xml", actor=secretariat_jp, programme=programme, sides={}
        )
        counts = iati_import_commit(plan=plan, actor=secretariat_jp, programme=programme)
    assert counts["created"] == 1


def test_a_file_over_the_iati_limit_is_refused_whole(secretariat_jp: User) -> None:
    programme = current_programme()
    assert programme is not None
    with override_settings(TANDEM_IATI_MAX_BYTES=len(FILE) - 1):
        plan = iati_import_plan(
            raw=FILE, source="big.xml", actor=secretariat_jp, programme=programme, sides={}
        )
    assert not plan.can_commit
    assert plan.file_problems


def test_the_page_keeps_to_the_upload_limit(client: Client, secretariat_jp: User) -> None:
    client.force_login(secretariat_jp)
    with override_settings(TANDEM_UPLOAD_MAX_BYTES=len(FILE) - 1, TANDEM_IATI_MAX_BYTES=len(FILE)):
        client.post("/projects/import/iati/", {"file": SimpleUploadedFile("a.xml", FILE)})
    assert not JointProject.objects.filter(iati_identifier__endswith="ES-0007").exists()
    assert "tandem_iati_import" not in client.session or not client.session.get(
        "tandem_iati_import", {}
    ).get("keys")
