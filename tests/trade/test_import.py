"""Imports into the database: all or nothing, aggregates on import, yen converted to dollars."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.projects.models import ExchangeRate
from tandem.trade.models import ImportBatch, TradeAggregate, TradeFlow, TradeIndicator, TradeTotal
from tandem.trade.selectors.figures import TradeFilter, chapter_values, mirror, trade_data
from tandem.trade.services.imports import ImportReport, batch_delete, trade_import

pytestmark = pytest.mark.integration


def run(path: Path, actor: User | None = None, **options: Any) -> ImportReport:
    with path.open("rb") as stream:
        return trade_import(
            stream=stream, file_name=path.name, file_format=None, actor=actor, **options
        )


def test_comtrade_import_writes_flows_and_chapter_aggregates(
    data_dir: Path, secretariat: User
) -> None:
    report = run(data_dir / "comtrade_sample.csv", secretariat)
    assert report.ok and report.rows == 6
    batch = ImportBatch.objects.get()
    assert (batch.rows, batch.first_year, batch.reporters) == (6, 2019, "JP,RU")
    assert batch.imported_by == secretariat
    assert batch.history.count() == 2  # type: ignore[attr-defined]
    assert TradeFlow.objects.count() == 6
    fuels = TradeAggregate.objects.get(reporter="RU", direction="X", chapter="27")
    assert (fuels.value_usd, fuels.flows, fuels.months) == (Decimal(600000000), 1, 1)
    data = trade_data()
    rows = mirror(data, "RU", "JP")
    # Russia reports exporting 600 + 150 + 50 million; Japan reports importing 640 + 165.
    assert rows[0].exporter_reported == Decimal(800_000_000)
    assert rows[0].importer_reported == Decimal(805_000_000)
    assert rows[0].gap == Decimal(5_000_000)


def test_japan_import_converts_thousand_yen_to_dollars(
    data_dir: Path, secretariat: User, yen_rate: ExchangeRate
) -> None:
    report = run(data_dir / "japan_sample.csv", secretariat)
    assert report.ok, report.errors
    cars = TradeFlow.objects.get(hs_code="870323")
    assert (cars.value, cars.currency, cars.value_usd) == (
        Decimal(43_600_000_000), "JPY", Decimal(400_000_000),
    )  # fmt: skip
    assert cars.national_code == "870323100"
    assert TradeAggregate.objects.get(reporter="JP", direction="M", chapter="27").value_usd == (
        Decimal(640_000_000)
    )


def test_japan_import_without_a_yen_rate_writes_nothing(
    data_dir: Path, nothing_written: Callable[[], bool]
) -> None:
    report = run(data_dir / "japan_sample.csv")
    assert not report.ok
    assert report.errors[0].startswith("Row 2: No JPY rate on or before 2019-07-15.")
    assert nothing_written()


def test_russia_import_in_cp1251(data_dir: Path, db: None) -> None:
    report = run(data_dir / "russia_sample.csv")
    assert report.ok and report.encoding == "CP1251"
    exports = TradeAggregate.objects.filter(reporter="RU", direction="X")
    assert sum(a.value_usd for a in exports) == Decimal("800000000.50")


@pytest.mark.parametrize(
    "name",
    [
        "bad_formula.csv",
        "bad_number.csv",
        "bad_hs_code.csv",
        "bad_header.csv",
        "bad_russia_direction.csv",
        "bad_japan_country.csv",
    ],
)
def test_malformed_files_are_refused_with_nothing_written(
    data_dir: Path, name: str, yen_rate: ExchangeRate, nothing_written: Callable[[], bool]
) -> None:
    # Each bad file has a good row before the bad one: the good row must not be kept either.
    report = run(data_dir / name)
    assert not report.ok
    assert report.batch_id is None
    assert len(report.summary().splitlines()) == 1
    assert nothing_written()


def test_dry_run_previews_without_writing(
    data_dir: Path, nothing_written: Callable[[], bool]
) -> None:
    report = run(data_dir / "comtrade_sample.csv", dry_run=True)
    assert report.ok and report.rows == 6
    assert report.totals[("RU", "JP", "X")] == Decimal(800_000_000)
    assert len(report.sample) == 6
    assert nothing_written()


def test_a_second_import_of_the_same_years_warns_and_delete_takes_it_back(
    data_dir: Path, secretariat: User, nothing_written: Callable[[], bool]
) -> None:
    run(data_dir / "comtrade_sample.csv", secretariat)
    again = run(data_dir / "comtrade_sample.csv", secretariat, dry_run=True)
    assert any("2019" in warning for warning in again.warnings)
    batch = ImportBatch.objects.get()
    batch_delete(batch=batch, actor=secretariat)
    assert nothing_written()
    assert ImportBatch.history.filter(history_type="-").count() == 1  # type: ignore[attr-defined]


def test_monthly_rows_mark_a_partial_year(db: None) -> None:
    import io

    raw = (
        b"period,reporterCode,partnerCode,flowCode,cmdCode,primaryValue,freqCode\n"
        b"201901,643,392,X,270900,5,M\n201902,643,392,X,270900,7,M\n"
    )
    trade_import(stream=io.BytesIO(raw), file_name="m.csv", file_format=None, actor=DEMO_ACTOR)
    data = trade_data()
    assert data.partial(("RU", "JP", "X"), 2019) == 2
    assert chapter_values(("RU", "JP", "X"), 2019)["27"] == Decimal(12)


def test_the_summary_sums_imports_and_follows_a_deletion(db: None) -> None:
    """The pages read TradeTotal and TradeIndicator, rebuilt by every import and deletion."""
    import io

    header = b"refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"
    first = header + b"2018,643,392,X,270900,100\n2019,643,392,X,270900,150\n"
    second = header + b"2019,643,392,X,030311,50\n"
    for name, raw in (("a.csv", first), ("b.csv", second)):
        report = trade_import(
            stream=io.BytesIO(raw), file_name=name, file_format=None, actor=DEMO_ACTOR
        )
        assert report.ok, report.errors
    assert chapter_values(("RU", "JP", "X"), 2019) == {"27": Decimal(150), "03": Decimal(50)}
    points = trade_data().points[("RU", "JP", "X")]
    assert [(p.year, p.total) for p in points] == [(2018, Decimal(100)), (2019, Decimal(200))]
    assert points[1].growth == pytest.approx(1.0)  # 200 on 100
    assert points[1].hhi == pytest.approx(0.75**2 + 0.25**2)
    assert points[1].chapters_for_90 == 2
    later = trade_data(TradeFilter(first_year=2019)).points[("RU", "JP", "X")]
    assert [(p.year, p.growth) for p in later] == [(2019, pytest.approx(1.0))]
    batch_delete(batch=ImportBatch.objects.get(file_name="b.csv"), actor=DEMO_ACTOR)
    assert chapter_values(("RU", "JP", "X"), 2019) == {"27": Decimal(150)}
    assert trade_data().points[("RU", "JP", "X")][1].growth == pytest.approx(0.5)
    assert TradeTotal.objects.count() == 2 and TradeIndicator.objects.count() == 2


def test_a_dry_run_leaves_the_summary_alone(data_dir: Path, secretariat: User) -> None:
    run(data_dir / "comtrade_sample.csv", secretariat)
    before = list(TradeIndicator.objects.values_list("reporter", "year", "total_usd"))
    run(data_dir / "comtrade_sample.csv", secretariat, dry_run=True)
    assert list(TradeIndicator.objects.values_list("reporter", "year", "total_usd")) == before


def test_japan_customs_wide_file_imports_its_months_as_a_partial_year(
    data_dir: Path, secretariat: User, yen_rate: ExchangeRate
) -> None:
    report = run(data_dir / "japan_wide_sample.csv", secretariat)
    assert report.ok, report.errors
    assert (report.rows, report.file_format, report.encoding) == (4, "japan", "CP932")
    assert TradeFlow.objects.filter(month__isnull=True).count() == 0
    data = trade_data()
    # 10.9 + 21.8 billion yen at 109 yen to the dollar, in January and February only.
    assert data.points[("JP", "RU", "X")][0].total == Decimal(300_000_000)
    assert data.partial(("JP", "RU", "X"), 2019) == 2
    assert data.partial(("JP", "RU", "M"), 2019) == 2
