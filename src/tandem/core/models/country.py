from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """A country; in a programme each of the two sides is a country."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    default_language = models.CharField(_("default language"), max_length=8)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return str(self.name)
