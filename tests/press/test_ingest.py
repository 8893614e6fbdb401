"""Ingesting articles: linked to the registry, figures checked as of the article's date,
duplicates recognised, proposals queued and decided by a person."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tandem.committee.models import CommitteeSession
from tandem.core.actors import DEMO_ACTOR, worker_actor
from tandem.core.models import Person, User
from tandem.press.models import Article, Mention, Proposal
from tandem.press.services.ingest import article_ingest
from tandem.press.services.proposals import proposal_approve, proposal_reject
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration

ISSUE_EXAMPLE = (
    "date 2021-07-08 Japanese machine-tool makers sign three agreements at Innoprom\n"
    "YEKATERINBURG, 8 July. Three Japanese machine-tool makers signed agreements with Ural "
    "enterprises on Wednesday, on the second day of Innoprom. The deals bring the number of "
    "joint projects in the region to more than 20, the regional minister of industry said.\n"
)


def test_session_article_links_session_and_co_chairs(devset: Path, secretariat: User) -> None:
    result = article_ingest(
        content=(devset / "en01.txt").read_bytes(), name="en01.txt", actor=secretariat
    )
    article = result.article
    assert result.created and article.language == "en"
    assert str(article.published) == "2019-12-20"
    session = CommitteeSession.objects.get(number=15)
    assert Mention.objects.get(article=article, kind="event").session == session
    linked = set(
        Mention.objects.filter(article=article, kind="person").values_list(
            "person__name_en", flat=True
        )
    )
    assert linked == {"Maxim Oreshkin", "Toshimitsu Motegi"}
    people = {row["name"]: row["record"] for row in article.facts["people"]}
    assert people["Maxim Oreshkin"] == Person.objects.get(name_en="Maxim Oreshkin").pk
    assert article.original.name.endswith(".txt")


def test_the_same_text_again_is_a_duplicate(secretariat: User) -> None:
    first = article_ingest(text=ISSUE_EXAMPLE, actor=secretariat)
    again = article_ingest(
        text=ISSUE_EXAMPLE.replace("\n", "\r\n").upper() + "\n\n", actor=secretariat
    )
    assert first.created and not again.created
    assert again.article == first.article
    assert Article.objects.count() == 1


def test_figure_is_checked_against_the_region_as_of_the_date(
    secretariat: User, make_project: Callable[..., JointProject]
) -> None:
    for number in range(1, 24):
        make_project(f"JR-2019-{number:04d}", [("2019-05-01", "agreed")])
    # registered after the article's date, and in another region: neither counts
    make_project("JR-2021-0001", [("2021-08-01", "agreed")])
    make_project("JR-2019-0100", [("2019-05-01", "agreed")], region="RU-MOW")
    # cancelled before the article's date: does not count
    make_project("JR-2019-0200", [("2019-05-01", "agreed"), ("2020-01-01", "cancelled")])
    article = article_ingest(text=ISSUE_EXAMPLE, actor=secretariat).article
    claim = article.claims.get(subject="joint projects")
    assert (claim.value, claim.qualifier, claim.region_code) == (20, "more than", "RU-SVE")
    assert (claim.registry_value, claim.verdict) == (23, "agrees")
    assert claim.projects.count() == 23
    other = article.claims.get(subject="agreements")
    assert other.verdict == "cannot check"
    assert not Proposal.objects.filter(kind="figure").exists()


def test_disagreeing_figure_goes_to_the_queue(
    secretariat: User, make_project: Callable[..., JointProject]
) -> None:
    for number in range(1, 19):
        make_project(f"JR-2019-{number:04d}", [("2019-05-01", "agreed")])
    article = article_ingest(text=ISSUE_EXAMPLE, actor=secretariat).article
    claim = article.claims.get(subject="joint projects")
    assert (claim.registry_value, claim.verdict, claim.verdict_text) == (
        18,
        "disagrees",
        "disagrees by 3",
    )
    proposal = Proposal.objects.get(kind="figure")
    assert proposal.payload["registry_value"] == 18


def test_unknown_person_is_proposed_and_created_only_on_approval(
    devset: Path, secretariat: User
) -> None:
    article_ingest(content=(devset / "en05.txt").read_bytes(), name="en05.txt", actor=secretariat)
    proposal = Proposal.objects.get(kind="person")
    assert proposal.title == "Alexei Gruzdev"
    assert not Person.objects.filter(name="Alexei Gruzdev").exists()
    with pytest.raises(ValidationError):  # the article does not say which side
        proposal_approve(proposal=proposal, actor=secretariat)
    proposal_approve(proposal=proposal, actor=secretariat, side="RU")
    person = Person.objects.get(name="Alexei Gruzdev")
    assert person.side.code == "RU"
    assert Mention.objects.get(kind="person", name="Alexei Gruzdev").person == person
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.decided_by == secretariat
    with pytest.raises(ValidationError):
        proposal_reject(proposal=proposal, actor=secretariat)


def test_rejected_proposal_changes_no_record(devset: Path, secretariat: User) -> None:
    article_ingest(content=(devset / "en09.txt").read_bytes(), name="en09.txt", actor=secretariat)
    proposal = Proposal.objects.get(kind="session")
    assert proposal.payload == {"number": 14, "date": "2018-11-29", "place": "Tokyo"}
    sessions = CommitteeSession.objects.count()
    proposal_reject(proposal=proposal, actor=secretariat, note="not ours")
    assert CommitteeSession.objects.count() == sessions
    proposal.refresh_from_db()
    assert proposal.status == "rejected"


def test_command_prints_the_issue_json(devset: Path, default_programme: None) -> None:
    out = StringIO()
    call_command("press", "extract", str(devset / "ru01.txt"), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) >= {
        "published",
        "language",
        "people",
        "organisations",
        "places",
        "events",
        "figures",
        "themes",
    }
    assert data["language"] == "ru"
    assert set(data["people"][0]) == {"name", "role", "country", "record"}
    assert set(data["events"][0]) == {"kind", "number", "name", "place", "date", "record"}
    assert set(data["figures"][0]) == {
        "subject",
        "value",
        "qualifier",
        "amount",  # the exact amount (money, decimals), beside the whole value
        "unit",  # currency, percent or what is counted
        "registry_value",
        "verdict",
    }
    session = data["events"][0]
    assert session["record"] == CommitteeSession.objects.get(number=15).pk
    assert Article.objects.count() == 0


def test_command_ingests_files_and_skips_duplicates(
    devset: Path, default_programme: None, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((devset / "ja05.txt").read_bytes())
    out = StringIO()
    call_command(
        "press", "ingest", str(devset / "ja05.txt"), str(copy), str(devset / "ru07.pdf"), stdout=out
    )
    assert "2 stored, 1 duplicates" in out.getvalue()
    assert Article.objects.count() == 2


def test_demo_articles_are_illustrative_and_loaded_once(default_programme: None) -> None:
    from tandem.press.services.demo import demo_press_create

    first = demo_press_create(actor=DEMO_ACTOR)
    again = demo_press_create(actor=DEMO_ACTOR)
    assert first["press articles"] == again["press articles"] == 9
    assert again["new"] == 0
    assert not Article.objects.filter(is_illustrative=False).exists()


def test_inbox_ingests_moves_and_rejects(
    devset: Path, default_programme: None, tmp_path: Path
) -> None:
    from tandem.press.services.inbox import inbox_scan

    inbox = tmp_path / "press-inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((devset / "en02.txt").read_bytes())
    (inbox / "b.txt").write_bytes((devset / "en02.txt").read_bytes())
    (inbox / "c.pdf").write_bytes(b"not a pdf")
    report = inbox_scan(folder=inbox, settle=0, actor=worker_actor("press inbox scan"))
    assert (report.stored, report.duplicates, report.rejected) == (["a.txt"], ["b.txt"], ["c.pdf"])
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["a.txt", "b.txt"]
    assert (inbox / "rejected" / "c.pdf.error.txt").read_text(encoding="utf-8").strip()
    assert not list(inbox.glob("*.txt"))
    assert Article.objects.get().source == "press-inbox/a.txt"
    # the worker is on the record of what it stored, and of the mentions read from it
    reasons = {"worker: press inbox scan"}
    assert {h.history_change_reason for h in Article.history.all()} == reasons
    assert {h.history_change_reason for h in Mention.history.all()} <= reasons
