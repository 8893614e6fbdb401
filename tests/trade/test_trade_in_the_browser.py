"""A Russian secretary imports a Comtrade file through the page, reads the mirror
statistics, narrows the figures, downloads them, and deletes the import again."""

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.trade.models import ImportBatch, TradeIndicator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_secretary_imports_reads_filters_downloads_and_deletes(
    page: Page,
    live_server: object,
    make_user: Callable[..., User],
    data_dir: Path,
    hs_code_list: None,
) -> None:
    user = make_user(Role.SECRETARIAT, "RU", username="sec-ru")
    user.language = "ru"
    user.save()
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, "sec-ru")

    page.goto(f"{base}/trade/")
    expect(page.locator("main")).to_contain_text("Торговые показатели пока отсутствуют")

    page.goto(f"{base}/trade/imports/")
    page.set_input_files("input[name=file]", str(data_dir / "comtrade_sample.csv"))
    page.locator("form.project-form button[type=submit]").click()
    preview = page.locator(".preview")
    expect(preview).to_contain_text("2019")
    assert not ImportBatch.objects.exists()  # checked, not saved
    preview.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("comtrade_sample.csv")
    assert ImportBatch.objects.count() == 1
    assert TradeIndicator.objects.filter(reporter="RU", direction="X").count() == 1

    page.goto(f"{base}/trade/")
    main = page.locator("main")
    # Russia reports 800 million of exports to Japan; Japan reports 805 million of imports.
    expect(main.locator("h3", has_text="Импорт: JP ← RU")).to_have_count(1)
    expect(main).to_contain_text("800")
    expect(main).to_contain_text("805")
    expect(page.locator("figure.chart svg").first).to_be_visible()

    page.select_option("select[name=reporter]", "RU")
    page.select_option("select[name=direction]", "X")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(f"{base}/trade/?first_year=&last_year=&reporter=RU&direction=X&year=")
    # One flow is left (with its mirror, whose other side is filtered out).
    expect(main.locator("h3", has_text="Экспорт: RU → JP")).to_have_count(1)
    expect(main.locator("h3", has_text="Импорт")).to_have_count(0)

    with page.expect_download() as download:
        page.locator("a[href*='export.csv']").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["reporter"] for row in rows} == {"RU"}
    assert {row["hs_chapter"]: row["value_usd"] for row in rows} == {
        "03": "150000000.00",
        "27": "600000000.00",
        "84": "50000000.00",
    }

    page.goto(f"{base}/trade/imports/")
    page.locator("table form[action$='/delete/'] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("comtrade_sample.csv")
    assert not ImportBatch.objects.exists() and not TradeIndicator.objects.exists()
