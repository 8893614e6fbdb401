"""The action-item reminder reaches each person in their own language, as text and as HTML
in the site's look: the title, the dates and the sentences in that language, none of the
others (issue 17)."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import translation

from tandem.committee.models import CommitteeSession
from tandem.committee.services.actions import action_item_create, action_reminders_send
from tandem.core.models import Country, Person, User

pytestmark = pytest.mark.integration

TITLES = {
    "en": "Send the list of timber projects",
    "ja": "木材案件の一覧を送付する",
    "ru": "Направить перечень лесных проектов",
}
#: The due date as each language writes it (tandem/formats), and the forms that must not leak.
DUE = dt.date(2021, 3, 1)
DATES = {"en": "1 March 2021", "ja": "2021年3月1日", "ru": "1 марта 2021"}
SENTENCE = "Please report its progress to the secretariat."


def _translated(msgid: str, language: str) -> bool:
    with translation.override(language):
        return translation.gettext(msgid) != msgid


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_reminder_in_the_recipients_language_text_and_html(
    session_15: CommitteeSession,
    japan: Country,
    russia: Country,
    secretariat_jp: User,
    language: str,
) -> None:
    side = japan if language == "ja" else russia
    person = Person.objects.create(name="Responsible", side=side, email="someone@example.org")
    action_item_create(
        session=session_15,
        titles=TITLES,
        owner_side_id=side.pk,
        due_date=DUE,
        actor=secretariat_jp,
        responsible_id=person.pk,
    )
    assert action_reminders_send(today=dt.date(2021, 3, 5)) == 1
    (message,) = mail.outbox
    assert isinstance(message, mail.EmailMultiAlternatives)
    html, kind = message.alternatives[0]
    assert isinstance(html, str) and kind == "text/html" and f'<html lang="{language}">' in html
    assert message.extra_headers["Content-Language"] == language
    texts: list[str] = [str(message.subject), str(message.body), html]
    for text in texts:
        assert TITLES[language] in text or "A15.1" in text
        assert DATES[language] in text
        for other in {"en", "ja", "ru"} - {language}:
            assert TITLES[other] not in text, other
            assert DATES[other] not in text, other
        assert "2021-03-01" not in text and "03/01/2021" not in text
    assert TITLES[language] in str(message.body) and TITLES[language] in html
    if _translated("Action item %(reference)s is overdue since %(due)s", language):
        assert "overdue" not in str(message.subject)  # the English sentence never leaks
    if _translated(
        "%(title)s\n\n%(reference)s, set by the committee's session %(session)s, has been due "
        "since %(due)s. Please report its progress to the secretariat.",
        language,
    ):
        assert SENTENCE not in str(message.body) and SENTENCE not in html


def test_reminder_follows_the_recipients_account_language(
    session_15: CommitteeSession, japan: Country, secretariat_jp: User
) -> None:
    """A responsible person with an account reads the account's language, not the side's."""
    secretariat_jp.email, secretariat_jp.language = "sato@example.jp", "ru"
    secretariat_jp.save(update_fields=["email", "language"])
    person = Person.objects.create(name="Responsible", side=japan, email="Sato@example.jp")
    action_item_create(
        session=session_15,
        titles=TITLES,
        owner_side_id=japan.pk,
        due_date=DUE,
        actor=secretariat_jp,
        responsible_id=person.pk,
    )
    assert action_reminders_send(today=dt.date(2021, 3, 5)) == 1
    (message,) = mail.outbox
    assert TITLES["ru"] in str(message.body) and DATES["ru"] in str(message.body)
    assert message.extra_headers["Content-Language"] == "ru"
