"""/open/trade/: only the imports the secretariat published, in every format; publishing is the
secretariat's, on the record, and the portal's cached page follows it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.trade.models import ChapterPlanArea, HsCode, ImportBatch
from tandem.trade.services.codes import default_plan_area_rows, hs_code_rows
from tandem.trade.services.imports import trade_import
from tandem.trade.services.publish import trade_dataset_publish
from tandem.web.open.labels import licence

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MARKER = "TRADELEAKMARK3Z"
HEADER = b"refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"
PUBLIC_VALUE = "123456"
HIDDEN_VALUE = "987654321"
URLS = ["/open/trade/", "/open/trade/?format=csv", "/open/trade/?format=json"]
URLS += [f"/open/trade/?lang={code}" for code in ("ja", "ru")] + ["/open/trade/?year=2019"]


def _batch(name: str, value: str, *, public: bool) -> ImportBatch:
    rows = b"".join(b"%d,643,392,X,270900,%s\n" % (year, value.encode()) for year in (2018, 2019))
    report = trade_import(
        stream=io.BytesIO(HEADER + rows), file_name=name, file_format=None, actor=DEMO_ACTOR
    )
    assert report.ok, report.errors
    assert report.batch_id is not None
    batch = ImportBatch.objects.get(pk=report.batch_id)
    if public:
        trade_dataset_publish(batch=batch, public=True, actor=DEMO_ACTOR)
    return batch


@pytest.fixture
def trade_world(default_programme: None) -> tuple[ImportBatch, ImportBatch]:
    if not HsCode.objects.exists():
        HsCode.objects.bulk_create([HsCode(**row) for row in hs_code_rows()], batch_size=1000)
        ChapterPlanArea.objects.bulk_create(
            [ChapterPlanArea(**row) for row in default_plan_area_rows()]
        )
    public = _batch("customs-2019.csv", PUBLIC_VALUE, public=True)
    hidden = _batch(f"preliminary-{MARKER}.csv", HIDDEN_VALUE, public=False)
    return public, hidden


def _text(response: object) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return response.content.decode()  # type: ignore[attr-defined]


def test_only_published_imports_reach_the_portal(
    client: Client, trade_world: tuple[ImportBatch, ImportBatch], make_user: Callable[..., User]
) -> None:
    signed_in = Client()
    signed_in.force_login(make_user(Role.SECRETARIAT, "JP"))
    for reader in (client, signed_in):
        for url in URLS:
            response = reader.get(url)
            assert response.status_code == 200, url
            text = _text(response)
            assert MARKER not in text, url
            assert HIDDEN_VALUE not in text.replace(",", "").replace(" ", ""), url
            assert "customs-2019.csv" in text, url  # the source is cited
    rows = list(csv.reader(io.StringIO(_text(client.get(URLS[1])).lstrip("\ufeff"))))
    data = [r for r in rows if r and not r[0].startswith("#")]
    assert data[0][:5] == ["year", "reporter", "partner", "direction", "hs_chapter"]
    assert {(r[0], r[4], r[7]) for r in data[1:]} == {
        ("2018", "27", "123456.00"),
        ("2019", "27", "123456.00"),
    }
    assert any(licence()[1] in r[0] for r in rows if r)  # the label names the licence
    document = json.loads(_text(client.get(URLS[2])))
    assert document["about"]["licence"]
    assert [i["year"] for i in document["indicators"]] == [2018, 2019]
    assert document["indicators"][1]["non_resource_share"] == 0.0  # chapter 27 is a resource


def test_publishing_is_the_secretariats_and_the_page_follows_it(
    client: Client, trade_world: tuple[ImportBatch, ImportBatch], make_user: Callable[..., User]
) -> None:
    _public, hidden = trade_world
    agency = make_user(Role.AGENCY_STAFF, "JP")
    with pytest.raises(PermissionDenied):
        trade_dataset_publish(batch=hidden, public=True, actor=agency)
    assert MARKER not in client.get("/open/trade/").content.decode()  # now cached
    secretariat = Client()
    user = make_user(Role.SECRETARIAT, "RU")
    secretariat.force_login(user)
    imports_page = secretariat.get("/trade/imports/").content.decode()
    assert "Publish on the portal" in imports_page
    response = secretariat.post(f"/trade/imports/{hidden.pk}/publish/", {"public": "1"})
    assert response.status_code == 302
    hidden.refresh_from_db()
    assert hidden.is_public
    assert hidden.history.latest().history_user == user  # type: ignore[attr-defined]
    assert MARKER in client.get("/open/trade/").content.decode()  # the cache followed
    secretariat.post(f"/trade/imports/{hidden.pk}/publish/", {"public": "0"})
    assert MARKER not in client.get("/open/trade/").content.decode()


def test_a_bad_year_or_format_is_refused(
    client: Client, trade_world: tuple[ImportBatch, ImportBatch]
) -> None:
    assert client.get("/open/trade/?year=abc").status_code == 400
    assert client.get("/open/trade/?format=xml").status_code == 400


def test_the_demo_series_is_public_and_labelled_illustrative(
    client: Client, default_programme: None
) -> None:
    from tandem.trade.services.demo import demo_trade_create

    if not HsCode.objects.exists():
        HsCode.objects.bulk_create([HsCode(**row) for row in hs_code_rows()], batch_size=1000)
    demo_trade_create(seed=2019, actor=DEMO_ACTOR)
    page = client.get("/open/trade/").content.decode()
    assert "demo-trade-2013-2020.csv" in page
    assert "illustrative" in page.lower()
    assert "<svg" in page
    rows = _text(client.get("/open/trade/?format=csv"))
    assert ",yes\r\n" in rows
