"""Exchange rates as data: import them from a CSV file (the conversions, reads, are in
:mod:`tandem.projects.selectors.rates`, named here too for the callers that import them from
here)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor, acting_as
from tandem.projects.enums import Currency
from tandem.projects.models import ExchangeRate
from tandem.projects.selectors.rates import (
    MissingRateError,
    RateTable,
    convert,
    financing_in_usd,
)

__all__ = [
    "MissingRateError",
    "RateTable",
    "convert",
    "exchange_rates_import",
    "financing_in_usd",
]

RATE_COLUMNS = ("date", "currency", "per_usd")


@transaction.atomic
def exchange_rates_import(*, text: str, source: str, actor: Actor) -> int:
    """Read ``date,currency,per_usd`` rows (units of the currency per US dollar) into the rates.

    All or nothing: the first bad row stops the import with its line number.
    """
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != RATE_COLUMNS:
        raise ValidationError(f"The columns must be: {', '.join(RATE_COLUMNS)}.")
    count = 0
    for row in reader:
        line = reader.line_num
        try:
            day = dt.date.fromisoformat(row["date"].strip())
            rate = Decimal(row["per_usd"].strip())
        except (ValueError, InvalidOperation) as exc:
            raise ValidationError(
                f"Line {line}: a date YYYY-MM-DD and a number are needed."
            ) from exc
        currency = row["currency"].strip().upper()
        if currency not in Currency.values or rate <= 0:
            raise ValidationError(
                f"Line {line}: unknown currency {currency} or a rate not above 0."
            )
        with acting_as(actor):
            ExchangeRate.objects.update_or_create(
                currency=currency, date=day, defaults={"per_usd": rate, "source": source}
            )
        count += 1
    return count
