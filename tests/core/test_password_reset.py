"""Password reset says the same thing whether or not an account has the address typed, and
sends mail only to an address an account has."""

import re
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User

pytestmark = pytest.mark.integration

RESET = "/accounts/password/reset/"
TOKENS = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')


def page(client: Client, url: str) -> str:
    """The page without what differs on every request (the CSRF token, the CSP nonce)."""
    return TOKENS.sub("", client.get(url).content.decode())


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.SECRETARIAT, "JP")
    user.email = "known@example.org"
    user.save()
    known = client.post(RESET, {"email": "known@example.org"})
    sent_to_known = [message.to for message in mail.outbox]
    mail.outbox.clear()
    unknown = client.post(RESET, {"email": "victim@example.net"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert page(client, known["Location"]) == page(client, unknown["Location"])
    assert sent_to_known == [["known@example.org"]]
    assert mail.outbox == []
