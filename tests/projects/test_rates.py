import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tandem.core.actors import DEMO_ACTOR
from tandem.projects.models import ExchangeRate
from tandem.projects.services.rates import MissingRateError, convert, exchange_rates_import

pytestmark = pytest.mark.integration

RATES = "date,currency,per_usd\n2019-01-01,RUB,70\n2019-06-01,RUB,64\n2019-01-01,JPY,110\n"


def test_amounts_convert_with_the_latest_rate_on_or_before_the_date(db: None) -> None:
    assert exchange_rates_import(text=RATES, source="test", actor=DEMO_ACTOR) == 3
    assert convert(Decimal(6400), "RUB", "USD", dt.date(2019, 7, 1)) == Decimal("100.00")
    assert convert(Decimal(7000), "RUB", "USD", dt.date(2019, 3, 1)) == Decimal("100.00")
    assert convert(Decimal(7000), "RUB", "JPY", dt.date(2019, 3, 1)) == Decimal("11000.00")
    with pytest.raises(MissingRateError, match="No RUB rate on or before 2018-12-31"):
        convert(Decimal(1), "RUB", "USD", dt.date(2018, 12, 31))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("day,currency,rate\n2019-01-01,RUB,70\n", "columns must be"),
        (RATES + "2019-13-01,RUB,70\n", "Line 5"),
        (RATES + "2019-01-01,XYZ,70\n", "unknown currency XYZ"),
        (RATES + "2019-01-01,RUB,0\n", "not above 0"),
    ],
)
def test_a_bad_rates_file_loads_nothing(db: None, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        exchange_rates_import(text=text, source="x", actor=DEMO_ACTOR)
    assert not ExchangeRate.objects.exists()
