"""What the KPI import tells its reader, by code (see :mod:`tandem.core.messages`): the
service keeps each problem as a code and parameters, the page shows it in the reader's
language ("Row 2: '' is not a number." inside a Japanese page before)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KPI_PROBLEMS = {
    "row": _("Row %(row)d: %(problem)s"),
    "not_xlsx": _("The file is not an XLSX workbook."),
    "refused": _("The workbook is refused: %(text)s"),
    "unreadable": _("The workbook cannot be read: %(kind)s."),
    "missing_columns": _("The header lacks the columns: %(columns)s."),
    "too_many_rows": _("At most %(max)d rows can be imported at once."),
    "no_rows": _("The sheet has no rows to import."),
    "duplicate": _(
        "the same measurement (enterprise, indicator, horizon) is already in row %(first)d; "
        "keep one of the two."
    ),
    "not_a_date": _("“%(value)s” is not a date (YYYY-MM-DD)."),
    "not_a_number": _("“%(value)s” is not a number."),
    "not_a_flag": _("higher_is_better must be yes or no, not “%(value)s”."),
    "enterprise_id": _("enterprise_id must be a number from the “enterprises” sheet."),
    "no_enterprise": _("there is no enterprise %(id)s that you may edit."),
    "indicator": _("indicator “%(value)s” is not one of %(choices)s."),
    "horizon": _("horizon_months must be 0 (baseline), 6 or 12."),
    "unit": _("the indicator is measured in “%(unit)s”, not “%(given)s”: convert the value."),
    # A rule of the record (the model's own check), in the words it gave.
    "invalid": _("%(text)s"),
}
