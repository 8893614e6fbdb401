from django.db import models
from django.utils.translation import gettext_lazy as _


class Suggestion(models.Model):
    """A partner suggested to a company: the latest ranked list, saved when it was computed."""

    profile = models.ForeignKey(
        "matchmaking.CompanyProfile",
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("company profile"),
    )
    candidate = models.ForeignKey(
        "matchmaking.CompanyProfile",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("suggested partner"),
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("match score"))
    reasons = models.JSONField(_("reasons"), default=list)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["profile", "rank"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(fields=["profile", "candidate"], name="suggestion_pair_unique")
        ]

    def __str__(self) -> str:
        return f"{self.profile_id} → {self.candidate_id} (#{self.rank})"


class StoredVector(models.Model):
    """An embedding vector kept by text hash (see tandem.core.embedding.cache.cache_key)."""

    key = models.CharField(max_length=64, primary_key=True)
    model_id = models.CharField(max_length=120, db_index=True)
    dimension = models.PositiveSmallIntegerField()
    vector = models.BinaryField()  # little-endian float32
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stored embedding vector")
        verbose_name_plural = _("stored embedding vectors")

    def __str__(self) -> str:
        return f"{self.model_id}:{self.key[:12]}"
