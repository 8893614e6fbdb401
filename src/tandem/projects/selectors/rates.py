"""Exchange rates as data: reads and conversions with them.

The rates are written by :func:`tandem.projects.services.rates.exchange_rates_import`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from decimal import Decimal

from tandem.projects.models import ExchangeRate


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
