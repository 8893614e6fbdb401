import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "tdm_"  # noqa: S105 - a public prefix, not a secret
#: How long a token lives unless its issuer says otherwise, and at most.
DEFAULT_LIFETIME_DAYS = 90
MAX_LIFETIME_DAYS = 365
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenScope(models.TextChoices):
    """What a token may do on behalf of its user: only read, or also write."""

    READ = "read", _("read only")
    WRITE = "write", _("read and write")


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def new_raw_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    """A bearer token for machines calling the API on behalf of a user; only its hash is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    scope = models.CharField(
        _("scope"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    def is_valid(self) -> bool:
        """Every token expires: one without an expiry (issued before tokens had one) is void."""
        return self.expires_at is not None and self.expires_at > timezone.now()

    def allows(self, method: str) -> bool:
        """Whether the token may make a request with this HTTP method."""
        return self.scope == TokenScope.WRITE or method.upper() in SAFE_METHODS
