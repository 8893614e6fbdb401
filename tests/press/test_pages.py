"""Pages and API of the press monitor: who may do what, uploads checked, facts marked and
escaped, proposals decided, search across languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tandem.core.models import Person, User
from tandem.press.models import Article, Proposal
from tandem.press.services.ingest import article_ingest

pytestmark = pytest.mark.integration


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_company_representative_and_anonymous_see_no_press(
    company_user: User, default_programme: None
) -> None:
    assert client_for(company_user).get(reverse("web:press_home")).status_code == 403
    response = Client().get(reverse("web:press_home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_official_reads_but_may_not_ingest(official: User) -> None:
    client = client_for(official)
    assert client.get(reverse("web:press_home")).status_code == 200
    assert client.get(reverse("web:press_ingest")).status_code == 403


def test_upload_is_stored_and_its_facts_marked(devset: Path, secretariat: User) -> None:
    client = client_for(secretariat)
    upload = SimpleUploadedFile("ja01.txt", (devset / "ja01.txt").read_bytes())
    response = client.post(reverse("web:press_ingest"), {"file": upload, "source": "feed"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:press_article", args=[article.pk])
    page = client.get(response["Location"]).content.decode()
    assert '<mark class="fact fact-person">茂木敏充</mark>' in page
    assert '<mark class="fact fact-event">第15回会合</mark>' in page
    assert "agrees" in page or "disagrees" in page or "cannot check" in page


def test_upload_of_a_wrong_kind_is_refused(secretariat: User) -> None:
    client = client_for(secretariat)
    upload = SimpleUploadedFile("article.exe", b"MZ\x90\x00")
    response = client.post(reverse("web:press_ingest"), {"file": upload})
    assert response.status_code == 200
    assert not Article.objects.exists()
    fake_pdf = SimpleUploadedFile("article.pdf", b"not a pdf at all")
    response = client.post(reverse("web:press_ingest"), {"file": fake_pdf})
    assert response.status_code == 200 and not Article.objects.exists()


def test_article_text_is_escaped_around_the_marks(secretariat: User) -> None:
    text = (
        "date 2019-12-20 <script>alert(1)</script> Oreshkin speaks\n"
        "MOSCOW, 20 December. Maxim Oreshkin said <b>more than 200 joint projects</b> run."
    )
    article = article_ingest(text=text, actor=secretariat).article
    page = client_for(secretariat).get(reverse("web:press_article", args=[article.pk]))
    content = page.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;b&gt;" in content
    assert '<mark class="fact fact-person">Maxim Oreshkin</mark>' in content


def test_review_queue_approves_with_a_side(devset: Path, secretariat: User) -> None:
    article_ingest(content=(devset / "en05.txt").read_bytes(), name="en05.txt", actor=secretariat)
    proposal = Proposal.objects.get(kind="person")
    client = client_for(secretariat)
    assert "Alexei Gruzdev" in client.get(reverse("web:press_review")).content.decode()
    response = client.post(
        reverse("web:press_decide", args=[proposal.pk]), {"decision": "approve", "side": "RU"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.result.startswith("person:")


def test_review_queue_flags_proposals_from_illustrative_articles(
    devset: Path, secretariat: User
) -> None:
    article_ingest(content=(devset / "en05.txt").read_bytes(), name="en05.txt", actor=secretariat)
    client = client_for(secretariat)
    response = client.get(reverse("web:press_review"))
    assert response.context["shows_illustrative"] is False
    Article.objects.update(is_illustrative=True)
    response = client.get(reverse("web:press_review"))
    assert response.context["shows_illustrative"] is True
    page = response.content.decode()
    assert "illustrative-banner" in page and 'class="badge"' in page


def test_official_may_not_decide(devset: Path, secretariat: User, official: User) -> None:
    article_ingest(content=(devset / "en05.txt").read_bytes(), name="en05.txt", actor=secretariat)
    proposal = Proposal.objects.get(kind="person")
    response = client_for(official).post(
        reverse("web:press_decide", args=[proposal.pk]), {"decision": "approve", "side": "RU"}
    )
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_search_by_a_name_in_one_language_finds_all_three(devset: Path, secretariat: User) -> None:
    for name in ("en01.txt", "ja01.txt", "ru01.txt", "en07.txt"):
        article_ingest(content=(devset / name).read_bytes(), name=name, actor=secretariat)
    page = client_for(secretariat).get(reverse("web:press_home"), {"q": "Орешкин"})
    content = page.content.decode()
    assert "Russia and Japan count more than 200" in content
    assert "日露政府間委員会、第15回会合" in content
    assert "Орешкин и Мотэги" in content
    assert "Japanese specialists return" not in content


def test_mentions_over_time_of_a_co_chair(devset: Path, secretariat: User) -> None:
    for name in ("en01.txt", "ru04.txt"):
        article_ingest(content=(devset / name).read_bytes(), name=name, actor=secretariat)
    oreshkin = Person.objects.get(name_en="Maxim Oreshkin")
    page = client_for(secretariat).get(reverse("web:press_mentions", args=["person", oreshkin.pk]))
    content = page.content.decode()
    assert page.status_code == 200
    assert "2019-12" in content and "Мотэги посетит Москву" in content


def test_api_lists_reads_and_ingests(devset: Path, secretariat: User, official: User) -> None:
    client = client_for(secretariat)
    text = (devset / "ru02.txt").read_text(encoding="utf-8")
    created = client.post(
        "/api/v1/press/articles", {"text": text, "source": "TASS"}, content_type="application/json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["created"] is True
    assert body["article"]["facts"]["language"] == "ru"
    again = client.post("/api/v1/press/articles", {"text": text}, content_type="application/json")
    assert again.status_code == 200 and again.json()["created"] is False
    reader = client_for(official)
    listed = reader.get("/api/v1/press/articles", {"q": "Иннопром"}).json()
    assert [row["id"] for row in listed] == [body["article"]["id"]]
    detail = reader.get(f"/api/v1/press/articles/{body['article']['id']}").json()
    assert {f["subject"] for f in detail["facts"]["figures"]} >= {"agreements", "joint projects"}
    forbidden = reader.post(
        "/api/v1/press/articles", {"text": "x"}, content_type="application/json"
    )
    assert forbidden.status_code == 403
    assert reader.get("/api/v1/press/articles/999999").status_code == 404
