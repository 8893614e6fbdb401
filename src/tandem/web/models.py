"""What the pages keep for a user: saved filters of the list pages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedFilter(models.Model):
    """A list page's filters (its query string) saved under a name by one user, for them only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_filters",
        verbose_name=_("user"),
    )
    area = models.CharField(_("list"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["area", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "name"], name="saved_filter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.area})"
