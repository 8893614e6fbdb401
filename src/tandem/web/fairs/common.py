"""What the fairs pages share: finding the fair, error texts, page size."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from tandem.fairs.models import Fair, ScheduleVersion

PAGE_SIZE = 50


def get_fair(slug: str) -> Fair:
    return get_object_or_404(Fair.objects.select_related("country"), slug=slug)


def get_version(fair: Fair, number: int) -> ScheduleVersion:
    return get_object_or_404(ScheduleVersion, fair=fair, number=number)


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
