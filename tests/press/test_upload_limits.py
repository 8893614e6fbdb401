"""Uploaded articles are read before any transaction opens and within the limits of reading a
document: decompression bombs of every format are refused with one clear sentence (4xx on the
page), nothing is written, and the database is not held while a file is read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from tandem.core.files.document_safety import DocumentRefusedError, ReadingBudget
from tandem.core.models import User
from tandem.press.models import Article
from tandem.press.services.ingest import article_ingest

BAD = Path(__file__).resolve().parents[1] / "data" / "bad" / "press"
BOMBS = [
    "g-docx-bomb-156mb.docx",
    "g-docx-bomb-members.docx",
    "g-pdf-bomb-flate-100mb.pdf",
    "g-pdf-bomb-flate-streams.pdf",
    "g-pdf-bomb-pages.pdf",
    "g-html-bomb-elements.html",
]


@contextmanager
def statements() -> Iterator[list[str]]:
    """The SQL sent while the block runs."""
    sent: list[str] = []

    def record(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        sent.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        yield sent


@pytest.mark.integration
@pytest.mark.parametrize("name", BOMBS)
def test_a_bomb_is_refused_before_any_transaction_opens(name: str, secretariat: User) -> None:
    with statements() as sent, pytest.raises(ValidationError) as refused:
        article_ingest(content=(BAD / name).read_bytes(), name=name, actor=secretariat)
    assert "refused" in " ".join(refused.value.messages)
    opened = [sql for sql in sent if sql.upper().startswith(("SAVEPOINT", "BEGIN"))]
    assert opened == [], "a transaction was open while the file was read"
    assert not Article.objects.exists()


@pytest.mark.integration
def test_a_pdf_bomb_on_the_page_gets_a_clear_message(secretariat: User) -> None:
    client = Client()
    client.force_login(secretariat)
    raw = (BAD / "g-pdf-bomb-flate-100mb.pdf").read_bytes()
    response = client.post("/press/ingest/", {"file": SimpleUploadedFile("bomb.pdf", raw)})
    assert response.status_code == 200
    assert "decompression bomb" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.integration
def test_a_docx_article_is_still_read_and_stored(secretariat: User) -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Kazan plant adopts lean production")
    document.add_paragraph("The plant in Kazan began a lean production project in 2019.")
    out = io.BytesIO()
    document.save(out)
    ingested = article_ingest(content=out.getvalue(), name="kazan.docx", actor=secretariat)
    assert ingested.created and ingested.article.kind == "docx"
    assert "lean production" in ingested.article.text


@pytest.mark.unit
def test_the_reading_budget_refuses_too_much_text_or_time() -> None:
    budget = ReadingBudget("PDF", max_chars=10)
    budget.spend("12345")
    with pytest.raises(DocumentRefusedError, match="more than 10 characters"):
        budget.spend("678901")
    slow = ReadingBudget("DOCX document", max_seconds=0.0)
    with pytest.raises(DocumentRefusedError, match="took longer than"):
        slow.spend("x")
