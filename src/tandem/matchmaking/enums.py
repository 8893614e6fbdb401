"""Vocabularies of SME matchmaking: profile states, sizes, introductions and their outcomes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProfileState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("company profile state", "Draft")
    REVIEWED = "reviewed", pgettext_lazy("company profile state", "Reviewed by the agency")
    PUBLISHED = "published", pgettext_lazy("company profile state", "Published")
    EXPIRED = "expired", pgettext_lazy("company profile state", "Expired")


class CompanySize(models.TextChoices):
    """The sizes the matcher knows (see matching.profiles.SIZES)."""

    MICRO = "micro", pgettext_lazy("company size", "Micro (under 10 people)")
    SMALL = "small", pgettext_lazy("company size", "Small (10-49 people)")
    MEDIUM = "medium", pgettext_lazy("company size", "Medium (50-249 people)")
    LARGE = "large", pgettext_lazy("company size", "Large (250 people or more)")


class IntroductionStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("introduction", "Requested")
    ACCEPTED = "accepted", pgettext_lazy("introduction", "Accepted")
    DECLINED = "declined", pgettext_lazy("introduction", "Declined")


class MeetingVenue(models.TextChoices):
    FAIR = "fair", _("At a trade fair")
    ONLINE = "online", pgettext_lazy("meeting venue", "Online")
    ELSEWHERE = "elsewhere", pgettext_lazy("meeting venue", "Elsewhere")


class Outcome(models.TextChoices):
    PENDING = "", pgettext_lazy("introduction outcome", "Not yet known")
    NO_INTEREST = "no_interest", pgettext_lazy("introduction outcome", "No interest")
    NDA = "nda", pgettext_lazy("introduction outcome", "Non-disclosure agreement signed")
    AGREEMENT = "agreement", pgettext_lazy("introduction outcome", "Agreement signed")
    JOINT_PROJECT = "joint_project", pgettext_lazy("introduction outcome", "Joint project created")


AGREEMENT_OUTCOMES = frozenset({Outcome.AGREEMENT, Outcome.JOINT_PROJECT})
