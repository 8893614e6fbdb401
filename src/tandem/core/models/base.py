"""Abstract bases shared by the domain models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IllustrativeMixin(models.Model):
    """A record made up for the demo; every page that shows one says so."""

    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        db_index=True,
        help_text=_("Made up for demonstration; not a fact about the programme."),
    )

    class Meta:
        abstract = True


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
