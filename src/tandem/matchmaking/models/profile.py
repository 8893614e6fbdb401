from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.enums import Language
from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.matchmaking.enums import CompanySize, ProfileState

INDUSTRY_CODE = RegexValidator(
    r"^[A-Za-z]?\d{2}(\.\d{1,2}){0,2}$",
    _("An industry code looks like C28, 28.4 or 28.41."),
)
LANGUAGE_CODES = {code for code, _label in Language.choices}


class CompanyProfile(IllustrativeMixin, TimestampedModel):
    """What a company offers and seeks, in its own language, and whether it may be shown.

    ``offers``/``seeks`` have a column per language (``offers_ja`` …); the column of
    ``language`` holds the company's own text, the others optional translations.
    """

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="company_profile",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=300)
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        related_name="company_profiles",
        verbose_name=_("country"),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="company_profiles",
        verbose_name=_("region"),
    )
    size = models.CharField(
        pgettext_lazy("company", "size"), max_length=10, choices=CompanySize.choices
    )
    industry_jsic = models.CharField(
        _("industry (JSIC)"), max_length=12, blank=True, validators=[INDUSTRY_CODE]
    )
    industry_nace = models.CharField(
        _("industry (NACE/ISIC)"), max_length=12, blank=True, validators=[INDUSTRY_CODE]
    )
    industry_okved = models.CharField(
        _("industry (OKVED)"), max_length=12, blank=True, validators=[INDUSTRY_CODE]
    )
    plan_area = models.ForeignKey(
        "programme.PlanArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="company_profiles",
        verbose_name=_("plan area"),
    )
    language = models.CharField(
        _("language of the profile"), max_length=2, choices=Language.choices
    )
    offers = models.TextField(_("what the company offers"), blank=True)
    seeks = models.TextField(_("what the company seeks"), blank=True)
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=40,
        blank=True,
        help_text=_("Language codes separated by commas, e.g. ja,en."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    consent_to_show = models.BooleanField(
        _("consent to be shown"),
        default=False,
        help_text=_("The company agrees that its published profile is suggested to partners."),
    )
    state = models.CharField(
        pgettext_lazy("company profile", "state"),
        max_length=12,
        choices=ProfileState.choices,
        default=ProfileState.DRAFT,
        db_index=True,
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=60,
        blank=True,
        help_text=_("A stable identifier from another register, unique when given."),
    )
    search_text = models.TextField(editable=False, default="")
    indexed_at = models.DateTimeField(_("indexed"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("company profile")
        verbose_name_plural = _("company profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="company_profile_reference_unique",
            )
        ]
        indexes = [
            models.Index(fields=["state", "consent_to_show", "country"]),
            models.Index(fields=["indexed_at"]),
        ]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def is_listed(self) -> bool:
        """Published with consent: the only profiles suggested to anyone."""
        return self.state == ProfileState.PUBLISHED and self.consent_to_show

    def own_text(self, field: str) -> str:
        return str(getattr(self, f"{field}_{self.language}", "") or "")

    def industry(self) -> str | None:
        """The ISIC/NACE division the matcher uses (OKVED 2 shares NACE's divisions)."""
        return self.industry_nace or self.industry_okved or None

    def spoken(self) -> list[str]:
        return [c.strip() for c in self.languages_spoken.split(",") if c.strip()]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.language and not (self.own_text("offers").strip() or self.own_text("seeks")):
            errors[f"offers_{self.language}"] = str(
                _("Write what the company offers or seeks in the language of the profile.")
            )
        unknown = [c for c in self.spoken() if c not in LANGUAGE_CODES]
        if unknown:
            errors["languages_spoken"] = str(
                _("Unknown language code(s): %(codes)s. Use ja, ru or en.")
                % {"codes": ", ".join(unknown)}
            )
        if (
            self.region is not None
            and self.country_id
            and self.region.country_id != self.country_id
        ):
            errors["region"] = str(_("The region is not in the company's country."))
        if (
            self.organisation is not None
            and self.country_id
            and self.organisation.side_id != self.country_id
        ):
            errors["country"] = str(_("The country must be the organisation's side."))
        if errors:
            raise ValidationError(errors)
