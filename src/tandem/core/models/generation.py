"""Generations: counters that name the current state of a set of records.

Figures computed from those records are cached under a key that includes the generation; a
write bumps the generation in the database, in the write's own transaction, so every server
process sees the new state together with the new generation, and an entry cached for an
earlier state is never read again. A cache entry that expires or is culled loses only a
figure, never the counter: the counter lives here, not in the cache.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_epoch() -> str:
    return secrets.token_hex(8)


class Generation(models.Model):
    """How many times the records named ``name`` were written since ``epoch`` began.

    ``epoch`` is drawn at random when the row is created: a database made afresh (a new demo,
    a test) never reuses the cache keys of an earlier database at the same count."""

    name = models.CharField(_("name"), max_length=50, primary_key=True)
    epoch = models.CharField(_("epoch"), max_length=16, default=new_epoch, editable=False)
    value = models.BigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("generation")
        verbose_name_plural = _("generations")

    def __str__(self) -> str:
        return f"{self.name} {self.epoch}.{self.value}"
