"""What every page's layout needs to know about sign-in security."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def security(request: HttpRequest) -> dict[str, Any]:
    # A server with two-factor authentication switched off (the demo) says so on every page.
    return {"mfa_switched_off": not settings.TANDEM_REQUIRE_MFA}
