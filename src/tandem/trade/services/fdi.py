"""FDI figures from a small CSV: ``year,investor,host,kind,value,currency,source``.

All or nothing; the first bad line stops the import with its number. A figure for the same
year, countries and kind replaces the one before.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.trade.formats.base import FORMULA_STARTS
from tandem.trade.models import FdiFigure

FDI_COLUMNS = ("year", "investor", "host", "kind", "value", "currency", "source")


@transaction.atomic
def fdi_import(*, text: str, actor: Actor, illustrative: bool = False) -> int:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if tuple(name.strip() for name in reader.fieldnames or ()) != FDI_COLUMNS:
        raise ValidationError(f"The columns must be: {', '.join(FDI_COLUMNS)}.")
    count = 0
    for row in reader:
        line = reader.line_num
        cells = {key.strip(): (value or "").strip() for key, value in row.items() if key}
        if any(value.startswith(FORMULA_STARTS) for value in cells.values()):
            raise ValidationError(f"Line {line}: a cell looks like a spreadsheet formula.")
        try:
            year, value = int(cells["year"]), Decimal(cells["value"])
        except (ValueError, InvalidOperation):
            raise ValidationError(f"Line {line}: year and value must be numbers.") from None
        figure = FdiFigure.objects.filter(
            year=year, investor=cells["investor"].upper(), host=cells["host"].upper(),
            kind=cells["kind"],
        ).first() or FdiFigure(
            year=year, investor=cells["investor"].upper(), host=cells["host"].upper(),
            kind=cells["kind"],
        )  # fmt: skip
        figure.value, figure.currency = value, cells["currency"].upper()
        figure.source, figure.is_illustrative = cells["source"], illustrative
        try:
            save_with_actor(figure, actor)
        except ValidationError as error:
            raise ValidationError(f"Line {line}: {' '.join(error.messages)}") from None
        count += 1
    return count
