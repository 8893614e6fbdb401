"""IATI files of other publishers into the registry and out again (files written for the tests)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from tandem.core.models import Organisation, Region, User
from tandem.interop.iati import read_all, validate
from tandem.interop.iati_registry.plan import iati_import_plan
from tandem.interop.iati_registry.write import iati_import_commit
from tandem.interop.models import IatiActivity, OrganisationToReview
from tandem.interop.registry_iati import export_public_projects
from tandem.programme.selectors import current_programme
from tandem.projects.models import JointProject, ResultIndicator
from tandem.projects.schemas import CODE_PATTERN

from .iati.published import LONG_TITLE, activities_file, activity_es, activity_nl

pytestmark = pytest.mark.integration

FILE = activities_file(activity_es(), activity_nl())


def _import(raw: bytes, user: User, sides: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    programme = current_programme()
    assert programme is not None
    plan = iati_import_plan(
        raw=raw, source="test.xml", actor=user, programme=programme, sides=sides or {}
    )
    counts = iati_import_commit(plan=plan, actor=user, programme=programme)
    return plan, counts


def _export() -> bytes:
    buffer = io.BytesIO()
    export_public_projects(buffer)
    return buffer.getvalue()


def _publish_all() -> None:
    JointProject.objects.update(disclosure="public")


def test_other_publishers_activities_are_imported_under_their_identifier(
    secretariat_jp: User,
) -> None:
    plan, counts = _import(FILE, secretariat_jp)
    assert (plan.count("create"), plan.count("refuse"), counts["created"]) == (2, 0, 2)
    es = JointProject.objects.get(iati_identifier="XM-EXAMPLE-1-ES-0007")
    assert re.fullmatch(CODE_PATTERN, es.code)
    assert es.title_en == LONG_TITLE  # the Spanish title shown where no en/ja/ru exists
    assert es.other_texts["title"] == {"es": LONG_TITLE}
    lines = list(es.financing.order_by("id"))
    assert [line.line_type for line in lines] == [
        "budget",
        "budget",
        "planned_disbursement",
        "commitment",
        "disbursement",
        "expenditure",
    ]
    assert sum(line.amount for line in lines if line.currency == "EUR") == 250000 + 300000.50 + (
        550000.50 - 1500.25
    )
    words = ResultIndicator.objects.get(project=es, measure="qualitative")
    assert (words.baseline, words.baseline_text) == (None, "No")
    assert words.values.get().actual_text == "En curso"
    assert IatiActivity.objects.get(project=es).locations[0]["point"] == "-19.58 -65.75"


def test_sides_come_from_ref_prefixes_and_unknown_ones_wait_for_a_person(
    secretariat_jp: User,
) -> None:
    plan, _counts = _import(FILE, secretariat_jp)
    nl = JointProject.objects.get(iati_identifier="NL-KVK-00000000-NL-42")
    sides = sorted((p.side.code, p.role) for p in nl.participants.all())
    assert sides == [("JP", "implementer"), ("RU", "lead")]
    created = Organisation.objects.get(iati_ref="RU-OGRN-0000000000000")
    assert OrganisationToReview.objects.filter(organisation=created).exists()
    es_outcome = next(o for o in plan.outcomes if o.identifier.startswith("XM-"))
    assert "Cooperativa Agua Limpia" in es_outcome.to_confirm
    es = JointProject.objects.get(iati_identifier="XM-EXAMPLE-1-ES-0007")
    pending = IatiActivity.objects.get(project=es).participants_to_confirm
    assert {"es": "Cooperativa Agua Limpia"} in [p["names"] for p in pending]


def test_a_side_confirmed_in_the_preview_makes_a_participant(secretariat_jp: User) -> None:
    _import(FILE, secretariat_jp, sides={"Cooperativa Agua Limpia": "RU"})
    es = JointProject.objects.get(iati_identifier="XM-EXAMPLE-1-ES-0007")
    assert es.participants.filter(side__code="RU", organisation__name="Cooperativa Agua Limpia")


def test_import_export_import_changes_nothing_and_the_export_is_valid(
    secretariat_jp: User,
) -> None:
    _import(FILE, secretariat_jp)
    _publish_all()
    exported = _export()
    assert validate(exported) == []
    assert b"<iati-identifier>XM-EXAMPLE-1-ES-0007</iati-identifier>" in exported
    programme = current_programme()
    assert programme is not None
    again = iati_import_plan(
        raw=exported, source="again.xml", actor=secretariat_jp, programme=programme, sides={}
    )
    assert [o.action for o in again.outcomes] == ["unchanged", "unchanged"]


def test_an_activity_with_only_an_objectives_description_does_not_break_the_export(
    secretariat_jp: User, tmp_path: Path
) -> None:
    _import(activities_file(activity_es()), secretariat_jp)
    _publish_all()
    target = tmp_path / "out.xml"
    call_command("iati", "export", "-o", str(target))
    assert validate(target) == []
    assert not list(tmp_path.glob("*.part"))
    records, _problems = read_all(target, max_bytes=10_000_000)
    assert any(r.other_descriptions.get("2") for r in records)


def test_recipient_country_comes_from_the_project_regions(secretariat_jp: User) -> None:
    _import(activities_file(activity_nl()), secretariat_jp)
    project = JointProject.objects.get(iati_identifier="NL-KVK-00000000-NL-42")
    project.regions.set([Region.objects.filter(country__code="JP").first()])
    _publish_all()
    exported = _export()
    assert b'<recipient-country code="JP"/>' in exported
    assert b'<recipient-country code="RU"/>' not in exported


def test_a_failed_export_leaves_no_partial_file(secretariat_jp: User, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.xml"
    with pytest.raises(CommandError):
        call_command("iati", "export", "-o", str(target))
    assert not list(tmp_path.rglob("*.part"))


def test_problems_are_one_plain_line_each_with_identifier_and_line(
    secretariat_jp: User,
) -> None:
    broken = activity_nl().replace('iso-date="2019-01-20"', 'iso-date="20-01-2019"')
    programme = current_programme()
    assert programme is not None
    plan = iati_import_plan(
        raw=activities_file(broken, version="2.03"),
        source="b.xml",
        actor=secretariat_jp,
        programme=programme,
        sides={},
    )
    assert plan.count("create") == 1
    dated = [p for p in plan.problems if "transaction-date" in p]
    assert len(dated) == 1
    assert dated[0].startswith("NL-KVK-00000000-NL-42, line ")
    assert "\n" not in dated[0] and "http" not in dated[0]
    assert "Problems: " in plan.summary() and "Activities read: 1" in plan.summary()


def test_the_page_previews_confirms_a_side_and_imports(
    client: Client, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    preview = client.post("/projects/import/iati/", {"file": SimpleUploadedFile("a.xml", FILE)})
    assert "Cooperativa Agua Limpia" in preview.content.decode()
    assert not JointProject.objects.filter(iati_identifier="XM-EXAMPLE-1-ES-0007").exists()
    pending = client.session["tandem_iati_import"]
    index = pending["keys"].index("Cooperativa Agua Limpia")
    again = client.post(
        "/projects/import/iati/", {"token": pending["token"], f"side-{index}": "RU"}
    )
    plan = again.context["plan"]
    assert all("Cooperativa Agua Limpia" not in o.to_confirm for o in plan.outcomes)
    done = client.post("/projects/import/iati/commit/", {"token": pending["token"]})
    assert done.status_code == 302
    project = JointProject.objects.get(iati_identifier="XM-EXAMPLE-1-ES-0007")
    assert project.participants.filter(
        side__code="RU", organisation__name="Cooperativa Agua Limpia"
    ).exists()
