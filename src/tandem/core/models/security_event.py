from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SecurityEventKind(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    LOCKED_OUT = "locked_out", _("Locked out")
    SIGN_IN_REFUSED = "sign_in_refused", _("Sign-in refused while locked")
    SIGNED_OUT = "signed_out", _("Signed out")
    IDLE_TIMEOUT = "idle_timeout", _("Signed out after inactivity")
    ABSOLUTE_TIMEOUT = "absolute_timeout", _("Signed out at the end of the session")
    MFA_REQUIRED = "mfa_required", _("Sent to set up two-factor authentication")
    MFA_FAILED = "mfa_failed", _("Two-factor code refused")


class LockoutScope(models.TextChoices):
    ACCOUNT = "account", _("account")
    IP = "ip", _("IP address")


class SecurityEvent(models.Model):
    """One sign-in, failure, lockout or sign-out, with the UTC time, the user name and the IP.

    An append-only log: rows are written by :mod:`tandem.core.security` and never changed.
    ``username`` is the name as typed (lower case), also for names that match no account.
    """

    at = models.DateTimeField(_("time (UTC)"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SecurityEventKind.choices)
    username = models.CharField(_("user name"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="security_events",
        verbose_name=_("user"),
    )
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    scope = models.CharField(_("scope"), max_length=10, choices=LockoutScope.choices, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("security event")
        verbose_name_plural = _("security events")
        indexes = [
            models.Index(fields=["username", "kind", "at"]),
            models.Index(fields=["ip", "kind", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.kind} {self.username} {self.ip or ''}"
