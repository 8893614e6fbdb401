from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import Country, User
from tandem.matchmaking.enums import ProfileState
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.profiles import (
    StaleProfileError,
    profile_create,
    profile_expire,
    profile_publish,
    profile_review,
    profile_update,
)

pytestmark = pytest.mark.integration

OFFERS = "CNC lathes and machining centres"
SEEKS = "a distributor of machine tools in Russia"


def _data(**extra: object) -> dict[str, object]:
    return {
        "name_en": "Kawada Seiki",
        "language": "en",
        "offers_en": OFFERS,
        "seeks_en": SEEKS,
        "size": "small",
        "contact_name": "Ms Kawada",
        "contact_email": "sales@example.org",
    } | extra


def test_profile_create_by_a_company_is_a_draft_of_its_own_organisation_and_gets_indexed(
    company_user: Callable[[str, str], User],
) -> None:
    user = company_user("JP", "kawada")
    profile = profile_create(data=_data(), actor=user)
    profile.refresh_from_db()
    assert profile.state == ProfileState.DRAFT
    assert profile.organisation == user.organisation
    assert profile.country.code == "JP"
    assert profile.indexed_at is not None and profile.indexed_at >= profile.updated_at
    assert "machining" in profile.search_text
    assert profile.history.count() == 1  # type: ignore[attr-defined]


def test_profile_create_twice_for_one_company_is_refused(
    company_user: Callable[[str, str], User],
) -> None:
    user = company_user("JP", "kawada")
    profile_create(data=_data(), actor=user)
    with pytest.raises(ValidationError, match="already has a company profile"):
        profile_create(data=_data(), actor=user)


def test_profile_without_text_in_its_own_language_is_rejected(agency: User) -> None:
    with pytest.raises(ValidationError) as caught:
        profile_create(
            data=_data(
                language="ja", country=Country.objects.get(code="JP"), offers_en="x", seeks_en="y"
            ),
            actor=agency,
        )
    assert "offers_ja" in caught.value.message_dict


def test_profile_size_given_as_a_head_count_is_stored_as_its_category(agency: User) -> None:
    japan = Country.objects.get(code="JP")
    profile = profile_create(data=_data(size=95, country=japan), actor=agency)
    profile.refresh_from_db()
    assert profile.size == "medium"
    with pytest.raises(ValidationError) as caught:
        profile_create(data=_data(size="about ninety", country=japan), actor=agency)
    assert "size" in caught.value.message_dict


def test_profile_states_go_draft_reviewed_published_expired(agency: User) -> None:
    profile = profile_create(data=_data(country=Country.objects.get(code="JP")), actor=agency)
    with pytest.raises(ValidationError):
        profile_publish(profile=profile, actor=agency)  # a draft is reviewed first
    profile = profile_review(profile=profile, actor=agency)
    profile = profile_publish(profile=profile, actor=agency)
    assert profile.state == ProfileState.PUBLISHED
    assert profile.expires_on is not None and profile.published_at is not None
    profile = profile_expire(profile=profile, actor=agency)
    assert profile.state == ProfileState.EXPIRED
    reasons = list(profile.history.values_list("history_change_reason", flat=True))  # type: ignore[attr-defined]
    assert "state: published" in reasons and "state: expired" in reasons


def test_profile_update_by_the_company_sends_a_published_profile_back_to_review(
    company_user: Callable[[str, str], User], agency: User
) -> None:
    user = company_user("JP", "kawada")
    profile = profile_create(data=_data(), actor=user)
    profile_review(profile=profile, actor=agency)
    profile = profile_publish(profile=profile, actor=agency)
    updated = profile_update(
        profile=profile,
        data={"offers_en": "Five-axis machining centres"},
        expected_version=profile.version,
        actor=user,
    )
    assert updated.state == ProfileState.DRAFT
    assert CompanyProfile.objects.get(pk=profile.pk).offers_en == "Five-axis machining centres"


def test_profile_update_with_an_old_version_saves_nothing(agency: User) -> None:
    profile = profile_create(data=_data(country=Country.objects.get(code="JP")), actor=agency)
    profile_update(profile=profile, data={"seeks_en": "new"}, expected_version=1, actor=agency)
    with pytest.raises(StaleProfileError):
        profile_update(profile=profile, data={"seeks_en": "lost"}, expected_version=1, actor=agency)
    assert CompanyProfile.objects.get(pk=profile.pk).seeks_en == "new"


def test_published_profiles_past_their_date_are_expired_by_the_task(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    import datetime as dt

    from tandem.matchmaking.tasks import expire_company_profiles

    old = make_profile("Old", "JP", "en", "robots", "buyers")
    current = make_profile("Current", "JP", "en", "robots", "buyers")
    CompanyProfile.objects.filter(pk=old.pk).update(expires_on=dt.date(2020, 1, 1))
    result = expire_company_profiles.enqueue()
    assert result.return_value == 1
    assert CompanyProfile.objects.get(pk=old.pk).state == ProfileState.EXPIRED
    assert CompanyProfile.objects.get(pk=current.pk).state == ProfileState.PUBLISHED
