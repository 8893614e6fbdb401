from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import TimestampedModel
from tandem.exchange.enums import FileKind

MAX_FILE_BYTES = 20 * 1024 * 1024


class ExchangeFile(TimestampedModel):
    """A file of the exchange: a dispatch's work plan or report, a certificate, KPI evidence.

    It belongs to exactly one dispatch, placement or indicator.
    """

    file = models.FileField(_("file"), upload_to="exchange/%Y/%m/")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=FileKind.choices)
    dispatch = models.ForeignKey(
        "exchange.SpecialistDispatch",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="files",
    )
    placement = models.ForeignKey(
        "exchange.TraineePlacement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="files",
    )
    indicator = models.ForeignKey(
        "exchange.KpiIndicator",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="files",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(dispatch__isnull=False, placement__isnull=True, indicator__isnull=True)
                    | models.Q(
                        dispatch__isnull=True, placement__isnull=False, indicator__isnull=True
                    )
                    | models.Q(
                        dispatch__isnull=True, placement__isnull=True, indicator__isnull=False
                    )
                ),
                name="exchange_file_has_one_owner",
            )
        ]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return str(self.title)

    def clean(self) -> None:
        super().clean()
        if self.file and self.file.size > MAX_FILE_BYTES:
            raise ValidationError({"file": _("A file may be at most 20 MB.")})
