from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.press.enums import ArticleKind, MentionKind, Verdict


class Article(IllustrativeMixin, TimestampedModel):
    """A press article as ingested: the original, its text, and the facts read from it."""

    headline = models.CharField(_("headline"), max_length=500)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    published = models.DateField(_("published"), null=True, blank=True, db_index=True)
    source = models.CharField(
        pgettext_lazy("press", "source"),
        max_length=300,
        blank=True,
        help_text=_("Where the article came from: a feed, a newspaper, an address."),
    )
    kind = models.CharField(_("format"), max_length=8, choices=ArticleKind.choices)
    original = models.FileField(_("original file"), upload_to="press/%Y/%m/", blank=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    text_hash = models.CharField(_("text fingerprint"), max_length=64, unique=True)
    facts = models.JSONField(_("facts"), default=dict, blank=True)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingested by"),
    )

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = _("press article")
        verbose_name_plural = _("press articles")

    def __str__(self) -> str:
        return str(self.headline)


class Mention(models.Model):
    """One entity an article names, with the record it was linked to (if any)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(_("kind"), max_length=16, choices=MentionKind.choices)
    name = models.CharField(_("name"), max_length=300)
    key = models.CharField(_("gazetteer key"), max_length=80, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    spans = models.JSONField(_("where in the text"), default=list, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    person = models.ForeignKey(
        "core.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    region = models.ForeignKey(
        "core.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    session = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    fair = models.ForeignKey(
        "fairs.Fair", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_area = models.ForeignKey(
        "programme.PlanArea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["article", "kind", "id"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        indexes = [models.Index(fields=["kind", "key"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

    @property
    def entity(self) -> tuple[str, int] | None:
        """The kind of record linked and its id, as the mentions page names them."""
        for entity, field in (
            ("person", "person"),
            ("organisation", "organisation"),
            ("region", "region"),
            ("session", "session"),
            ("fair", "fair"),
            ("area", "plan_area"),
        ):
            value = getattr(self, f"{field}_id")
            if value:
                return entity, int(value)
        return None

    @property
    def record_id(self) -> int | None:
        for field in ("person", "organisation", "region", "session", "fair", "plan_area"):
            value = getattr(self, f"{field}_id")
            if value:
                return int(value)
        return None


class FigureClaim(models.Model):
    """A figure an article states, checked against the registry as of the article's date."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    subject = models.CharField(_("subject"), max_length=60)
    value = models.PositiveIntegerField(_("value"))
    qualifier = models.CharField(_("qualifier"), max_length=20, blank=True)
    scope = models.CharField(_("where"), max_length=200, blank=True)
    region_code = models.CharField(_("region or district"), max_length=10, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    registry_value = models.PositiveIntegerField(_("registry's value"), null=True, blank=True)
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices)
    difference = models.IntegerField(_("difference"), null=True, blank=True)
    spans = models.JSONField(_("where in the text"), default=list, blank=True)
    projects = models.ManyToManyField(
        "projects.JointProject",
        blank=True,
        related_name="+",
        verbose_name=_("records behind the registry's value"),
    )

    class Meta:
        ordering = ["article", "id"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self) -> str:
        return f"{self.qualifier} {self.value} {self.subject}".strip()

    @property
    def verdict_text(self) -> str:
        """The verdict in the reader's language ("disagrees by 11", "cannot check")."""
        if self.verdict == Verdict.DISAGREES and self.difference is not None:
            return gettext("disagrees by %(difference)s") % {"difference": abs(self.difference)}
        return str(self.get_verdict_display())
