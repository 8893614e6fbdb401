"""Exchange rates as data: import them from a CSV file and convert amounts with them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from bisect import bisect_right
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor, acting_as
from tandem.projects.enums import Currency
from tandem.projects.models import ExchangeRate

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


class MissingRateError(LookupError):
    pass


def convert(amount: Decimal, currency: str, target: str, on: dt.date) -> Decimal:
    """``amount`` in ``currency`` as ``target``, at the latest rates on or before ``on``."""
    if currency == target:
        return amount
    usd = amount if currency == "USD" else amount / _rate(currency, on)
    result = usd if target == "USD" else usd * _rate(target, on)
    return result.quantize(Decimal("0.01"))


def _rate(currency: str, on: dt.date) -> Decimal:
    rate = (
        ExchangeRate.objects.filter(currency=currency, date__lte=on)
        .order_by("-date")
        .values_list("per_usd", flat=True)
        .first()
    )
    if rate is None:
        raise MissingRateError(f"No {currency} rate on or before {on.isoformat()}.")
    return rate


def financing_in_usd(project: object) -> list[tuple[object, Decimal | None]]:
    """Each financing line of ``project`` with its amount in US dollars (None: no rate)."""
    lines: list[tuple[object, Decimal | None]] = []
    for line in project.financing.all():  # type: ignore[attr-defined]
        try:
            lines.append((line, convert(line.amount, line.currency, "USD", line.date)))
        except MissingRateError:
            lines.append((line, None))
    return lines


class RateTable:
    """Every exchange rate in memory, for converting many amounts without a query each."""

    def __init__(self) -> None:
        self._rates: dict[str, tuple[list[dt.date], list[Decimal]]] = {}
        for currency, day, rate in ExchangeRate.objects.order_by("currency", "date").values_list(
            "currency", "date", "per_usd"
        ):
            days, rates = self._rates.setdefault(currency, ([], []))
            days.append(day)
            rates.append(rate)

    def _rate(self, currency: str, on: dt.date) -> Decimal:
        days, rates = self._rates.get(currency, ([], []))
        index = bisect_right(days, on) - 1
        if index < 0:
            raise MissingRateError(f"No {currency} rate on or before {on.isoformat()}.")
        return rates[index]

    def convert(self, amount: Decimal, currency: str, target: str, on: dt.date) -> Decimal:
        if currency == target:
            return amount
        usd = amount if currency == "USD" else amount / self._rate(currency, on)
        return usd if target == "USD" else usd * self._rate(target, on)
