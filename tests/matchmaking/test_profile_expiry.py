import datetime as dt
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from tandem.matchmaking.enums import ProfileState
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.profiles import EXPIRY_REASON, profile_publish, profile_review

pytestmark = pytest.mark.integration


def run(*args: str) -> str:
    out = StringIO()
    call_command("expire_profiles", *args, stdout=out)
    return out.getvalue()


def test_publication_lasts_the_configured_lifetime(
    make_profile: Callable[..., CompanyProfile], settings: Any, agency: Any
) -> None:
    settings.MATCHMAKING_PROFILE_LIFETIME_DAYS = 30
    profile = make_profile("Short", "JP", "en", "robots", "buyers", publish=False)
    profile_review(profile=profile, actor=agency)
    published = profile_publish(profile=profile, actor=agency)
    assert published.expires_on == timezone.localdate() + dt.timedelta(days=30)


def test_expire_profiles_command_expires_what_is_due_once_and_audits_it(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    old = make_profile("Old", "JP", "en", "robots", "buyers")
    current = make_profile("Current", "RU", "en", "buyers", "robots")
    CompanyProfile.objects.filter(pk=old.pk).update(expires_on=dt.date(2020, 1, 1))
    dry = run("--dry-run")
    assert f"would expire: {old.pk} Old" in dry and "due to expire: 1" in dry
    assert CompanyProfile.objects.get(pk=old.pk).state == ProfileState.PUBLISHED
    first = run()
    assert f"expired: {old.pk} Old" in first and "company profiles expired: 1" in first
    second = run()
    assert "company profiles expired: 0" in second
    assert CompanyProfile.objects.get(pk=old.pk).state == ProfileState.EXPIRED
    assert CompanyProfile.objects.get(pk=current.pk).state == ProfileState.PUBLISHED
    record = CompanyProfile.history.filter(id=old.pk).first()  # type: ignore[attr-defined]
    assert record.history_change_reason == EXPIRY_REASON
    assert record.history_user is None  # the system did it
    assert (
        CompanyProfile.history.filter(  # type: ignore[attr-defined]
            id=old.pk, history_change_reason=EXPIRY_REASON
        ).count()
        == 1
    )


def test_a_profile_without_a_date_expires_a_lifetime_after_publication(
    make_profile: Callable[..., CompanyProfile], settings: Any
) -> None:
    settings.MATCHMAKING_PROFILE_LIFETIME_DAYS = 90
    profile = make_profile("Undated", "JP", "en", "robots", "buyers")
    published = timezone.now() - dt.timedelta(days=100)
    CompanyProfile.objects.filter(pk=profile.pk).update(expires_on=None, published_at=published)
    assert "expired: 0" in run(
        "--today", (timezone.localdate() - dt.timedelta(days=20)).isoformat()
    )
    assert "expired: 1" in run()
    assert CompanyProfile.objects.get(pk=profile.pk).state == ProfileState.EXPIRED


def test_expire_profiles_enqueue_runs_through_the_task_backend(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    old = make_profile("Old", "JP", "en", "robots", "buyers")
    CompanyProfile.objects.filter(pk=old.pk).update(expires_on=dt.date(2020, 1, 1))
    assert "expiry task enqueued" in run("--enqueue")  # the test backend runs it at once
    assert CompanyProfile.objects.get(pk=old.pk).state == ProfileState.EXPIRED


def test_expired_profiles_leave_the_index(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    from tandem.matchmaking.services.matching import matching_index

    old = make_profile("Old", "JP", "en", "robots", "buyers")
    make_profile("Buyer", "RU", "en", "buyers", "robots")
    index = matching_index()
    index.sync()
    assert str(old.pk) in index.index
    CompanyProfile.objects.filter(pk=old.pk).update(expires_on=dt.date(2020, 1, 1))
    run()
    index.sync()
    assert str(old.pk) not in index.index
