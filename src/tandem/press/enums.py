from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ArticleKind(models.TextChoices):
    PASTE = "paste", _("pasted text")
    TXT = "txt", _("text file")
    HTML = "html", "HTML"
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"


class MentionKind(models.TextChoices):
    PERSON = "person", _("person")
    ORGANISATION = "organisation", _("organisation")
    PLACE = "place", pgettext_lazy("geography", "place")
    EVENT = "event", _("event")
    THEME = "theme", _("plan area")


class Verdict(models.TextChoices):
    AGREES = "agrees", _("agrees")
    DISAGREES = "disagrees", _("disagrees")
    CANNOT_CHECK = "cannot check", _("cannot check")


class ProposalKind(models.TextChoices):
    PERSON = "person", _("new person")
    ORGANISATION = "organisation", _("new organisation")
    SESSION = "session", _("new committee session")
    FIGURE = "figure", _("figure that disagrees with the registry")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("proposal", "pending")
    APPROVED = "approved", pgettext_lazy("proposal", "approved")
    REJECTED = "rejected", pgettext_lazy("proposal", "rejected")
