"""E-mails in the site's look: the plain text a service writes, and an HTML version of the
same text in tandem's layout (templates/email/message.html) beside it."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def html_version(subject: str, body: str, language: str | None = None) -> str:
    """``body`` (plain text, paragraphs apart by blank lines) in the e-mail layout."""
    paragraphs = [part.strip() for part in body.split("\n\n") if part.strip()]
    language = language or translation.get_language() or "en"
    with translation.override(language):
        return render_to_string(
            "email/message.html",
            {"subject": subject, "paragraphs": paragraphs, "language": language},
        )


def styled_message(
    *,
    subject: str,
    body: str,
    from_email: str | None,
    to: list[str],
    language: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """One message with the plain text and its HTML version in the site's look."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    )
    message.attach_alternative(html_version(subject, body, language), "text/html")
    return message
