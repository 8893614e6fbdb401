from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.enums import ROLES_WITH_ORGANISATION, ROLES_WITH_SIDE, Language, Role


class User(AbstractUser):
    """A person who signs in. The role decides what the user sees and may change."""

    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True)
    side = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("side"),
        help_text=_("Required for secretariat and official roles."),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
        help_text=_("Required for company representatives."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.EN
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role in ROLES_WITH_SIDE and self.side_id is None:
            raise ValidationError({"side": _("This role acts for one side: choose the side.")})
        if self.role in ROLES_WITH_ORGANISATION and self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("A company representative belongs to one organisation.")}
            )
