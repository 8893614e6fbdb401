"""E-mails in the site's look: the plain text, and the same text in tandem's HTML layout."""

import pytest
from django.core import mail

from tandem.core.mail import html_version, styled_message

pytestmark = pytest.mark.unit


def test_the_html_version_is_the_text_in_the_layout() -> None:
    html = html_version(
        "Встреча перенесена", "Первый абзац.\n\nВаша повестка: /fairs/x/agenda/1/", "ru"
    )
    assert '<html lang="ru">' in html
    assert "background:#123a63" in html  # tandem's navy header
    assert '<p style="margin:0 0 12px;">Первый абзац.</p>' in html
    assert "Встреча перенесена</h1>" in html
    assert "<script" not in html


def test_a_styled_message_carries_both(settings: object) -> None:
    message = styled_message(
        subject="[tandem] Moved", body="It moved.", from_email=None, to=["a@example.org"]
    )
    message.send()
    sent = mail.outbox[-1]
    assert sent.body == "It moved."
    html, kind = sent.alternatives[0]  # type: ignore[attr-defined]
    assert kind == "text/html" and "It moved." in html and "tandem" in html
