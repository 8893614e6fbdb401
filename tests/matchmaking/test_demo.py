import pytest
from django.core.management import call_command

from tandem.matchmaking.demo import generate_market
from tandem.matchmaking.models import CompanyProfile, Introduction
from tandem.matchmaking.services.suggestions import suggestions_refresh


@pytest.mark.unit
def test_demo_market_is_the_same_for_the_same_seed_and_pairs_the_two_countries() -> None:
    first, second = generate_market(7), generate_market(7)
    assert first == second
    countries = {p.reference: p.country for p in first.profiles}
    assert {p.language for p in first.profiles} == {"ja", "ru", "en"}
    assert all(countries[i.requester] != countries[i.recipient] for i in first.introductions)


@pytest.mark.integration
def test_demo_command_creates_flagged_indexed_profiles_once(default_programme: None) -> None:
    call_command("demo_matchmaking", verbosity=0)
    call_command("demo_matchmaking", verbosity=0)
    market = generate_market(2019)
    profiles = CompanyProfile.objects.all()
    assert profiles.count() == len(market.profiles)
    assert all(p.is_illustrative and p.indexed_at is not None for p in profiles)
    assert Introduction.objects.filter(is_illustrative=True).count() == len(market.introductions)
    assert Introduction.objects.filter(outcome="agreement").exists()
    buyer = CompanyProfile.objects.get(reference="demo-jp-02")
    rows = suggestions_refresh(profile=buyer)
    assert rows and all(r.candidate.country.code == "RU" for r in rows)
