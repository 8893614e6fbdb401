"""A company representative of enterprise A gets 404 for B's objects on every new page and
operation (coordinators' pages answer 403 first: a representative may not change anything)."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.exchange.models import (
    EnterpriseProfile,
    KpiIndicator,
    SpecialistDispatch,
    TraineePlacement,
)

pytestmark = pytest.mark.integration


def test_representative_of_a_gets_404_for_b_and_sees_a(
    client: Client,
    pair: dict[str, Any],
    productivity: KpiIndicator,
    dispatch: SpecialistDispatch,
    placement: TraineePlacement,
    representative_of: Callable[[EnterpriseProfile], User],
    make_user: Callable[..., User],
) -> None:
    # productivity belongs to the Russian enterprise (B); the representative acts for a third
    # organisation that the dispatch and placement do not touch.
    from tandem.core.models import Country, Organisation
    from tandem.exchange.services.records import enterprise_save

    outsider = Organisation.objects.create(
        name="Kansai Gear", kind="company", side=Country.objects.get(code="JP")
    )
    profile_a = enterprise_save(
        profile=EnterpriseProfile(organisation=outsider, sector="machinery", size="small"),
        actor=DEMO_ACTOR,
    )
    client.force_login(representative_of(profile_a))
    assert client.get(f"/exchange/enterprises/{pair['enterprise'].pk}/").status_code == 404
    assert client.get(f"/exchange/dispatches/{dispatch.pk}/").status_code == 404
    assert client.get(f"/exchange/placements/{placement.pk}/").status_code == 404
    assert client.get("/exchange/outcomes/").context["page"].paginator.count == 0
    assert client.get("/api/v1/exchange/outcomes").json() == []
    assert client.get("/api/v1/exchange/dispatches").json() == []
    assert client.get("/api/v1/exchange/placements").json() == []
    assert client.get(f"/api/v1/exchange/enterprises/{pair['enterprise'].pk}").status_code == 404
    # editing and deleting are for coordinators: refused before anything is looked up
    for url in (
        f"/exchange/indicators/{productivity.pk}/edit/",
        f"/exchange/indicators/{productivity.pk}/delete/",
        f"/exchange/measurements/{productivity.measurements.get().pk}/edit/",
        f"/exchange/dispatches/{dispatch.pk}/delete/",
        f"/exchange/placements/{placement.pk}/delete/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.delete(f"/api/v1/exchange/indicators/{productivity.pk}").status_code == 403


def test_the_host_representative_sees_its_own_dispatch_and_placement(
    client: Client,
    pair: dict[str, Any],
    dispatch: SpecialistDispatch,
    placement: TraineePlacement,
    representative_of: Callable[[EnterpriseProfile], User],
) -> None:
    client.force_login(representative_of(pair["enterprise"]))
    assert client.get(f"/exchange/dispatches/{dispatch.pk}/").status_code == 200
    assert client.get(f"/exchange/placements/{placement.pk}/").status_code == 200
    assert [d["id"] for d in client.get("/api/v1/exchange/dispatches").json()] == [dispatch.pk]
