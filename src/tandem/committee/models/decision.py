from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import TranslationStatus
from tandem.core.models.base import IllustrativeMixin

DECISION_LANGUAGES = ("ja", "ru", "en")


class Decision(IllustrativeMixin, models.Model):
    """A numbered decision of a session, its text in three languages."""

    session = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=pgettext_lazy("committee", "session"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    agenda_item = models.ForeignKey(
        "committee.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    projects = models.ManyToManyField(
        "projects.JointProject", related_name="+", blank=True, verbose_name=_("joint projects")
    )
    authentic_ja = models.BooleanField(_("Japanese text is authentic"), default=False)
    authentic_ru = models.BooleanField(_("Russian text is authentic"), default=False)
    authentic_en = models.BooleanField(_("English text is authentic"), default=False)
    translation_ja = models.CharField(
        _("Japanese translation"),
        max_length=10,
        choices=TranslationStatus.choices,
        default=TranslationStatus.MISSING,
    )
    translation_ru = models.CharField(
        _("Russian translation"),
        max_length=10,
        choices=TranslationStatus.choices,
        default=TranslationStatus.MISSING,
    )
    translation_en = models.CharField(
        _("English translation"),
        max_length=10,
        choices=TranslationStatus.choices,
        default=TranslationStatus.MISSING,
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        editable=False,
        help_text=_("Public once both sides have marked it public."),
    )

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="decision_number_unique")
        ]

    def __str__(self) -> str:
        return str(
            _("Decision %(session)s/%(number)s")
            % {
                "session": self.session.number,
                "number": self.number,
            }
        )

    def text_in(self, language: str) -> str:
        return str(getattr(self, f"text_{language}", "") or "")

    def is_authentic(self, language: str) -> bool:
        return bool(getattr(self, f"authentic_{language}", False))

    def translation_status(self, language: str) -> str:
        return str(getattr(self, f"translation_{language}"))

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if not any(self.is_authentic(language) for language in DECISION_LANGUAGES):
            errors["authentic_ja"] = str(_("Mark at least one language as authentic."))
        for language in DECISION_LANGUAGES:
            has_text = bool(self.text_in(language).strip())
            if self.is_authentic(language) and not has_text:
                errors[f"text_{language}"] = str(_("An authentic text cannot be empty."))
            elif not has_text and self.translation_status(language) != TranslationStatus.MISSING:
                errors[f"translation_{language}"] = str(
                    _("There is no text in this language: its translation is missing.")
                )
            elif has_text and self.translation_status(language) == TranslationStatus.MISSING:
                errors[f"translation_{language}"] = str(
                    _("There is a text in this language: say whether it is a draft or checked.")
                )
        if errors:
            raise ValidationError(errors)


class DecisionPublicMark(models.Model):
    """One side agrees that a decision may be published; public once both sides agree."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="public_marks")
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked"), auto_now_add=True)

    class Meta:
        verbose_name = _("publication mark")
        verbose_name_plural = _("publication marks")
        constraints = [
            models.UniqueConstraint(fields=["decision", "side"], name="one_public_mark_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.side_id}"
