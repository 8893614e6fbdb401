"""Fixtures of the trade tests: the files in tests/data/trade, users, a JPY rate, the demo."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.projects.models import ExchangeRate
from tandem.trade.models import (
    ChapterPlanArea,
    HsCode,
    ImportBatch,
    TradeAggregate,
    TradeFlow,
    TradeIndicator,
    TradeTotal,
)
from tandem.trade.services.codes import default_plan_area_rows, hs_code_rows
from tandem.trade.services.demo import demo_trade_create
from tandem.trade.services.imports import ImportReport

DATA = Path(__file__).resolve().parents[1] / "data" / "trade"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def secretariat(make_user: Callable[..., User]) -> User:
    return make_user(Role.SECRETARIAT, "RU", username="secretariat-ru")


@pytest.fixture
def yen_rate(db: None) -> ExchangeRate:
    return ExchangeRate.objects.create(
        currency="JPY", date=date(2019, 1, 1), per_usd=Decimal("109"), source="test"
    )


@pytest.fixture
def hs_code_list(db: None) -> None:
    """The HS list and the chapter table that a migration loads: a transactional test that ran
    earlier in this process emptied every table."""
    if not HsCode.objects.exists():
        HsCode.objects.bulk_create([HsCode(**row) for row in hs_code_rows()], batch_size=1000)
        ChapterPlanArea.objects.bulk_create(
            [ChapterPlanArea(**row) for row in default_plan_area_rows()]
        )


@pytest.fixture
def demo(default_programme: None) -> ImportReport:
    return demo_trade_create(seed=2019, actor=DEMO_ACTOR)


def _nothing_written() -> bool:
    return not (
        ImportBatch.objects.exists()
        or TradeFlow.objects.exists()
        or TradeAggregate.objects.exists()
        or TradeTotal.objects.exists()
        or TradeIndicator.objects.exists()
    )


@pytest.fixture
def nothing_written(db: None) -> Callable[[], bool]:
    """Whether the trade tables are empty (no batch, flow, aggregate or summary row)."""
    return _nothing_written
