from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConfidentialNote(models.Model):
    """A note one side keeps on a project; the other side never sees it."""

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="confidential_notes"
    )
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["project", "-created_at"]
        verbose_name = _("confidential note")
        verbose_name_plural = _("confidential notes")
        indexes = [models.Index(fields=["project", "side"])]

    def __str__(self) -> str:
        return f"{self.side_id}: {self.text[:40]}"
