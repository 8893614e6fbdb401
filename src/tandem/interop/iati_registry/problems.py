"""IATI import problems in the reader's language, by code.

The pure reader (:mod:`tandem.interop.iati`) names each problem with a code and parameters
beside its English message; pages render the code here. A problem without a code (or with a
code this catalogue does not know) keeps its English message.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tandem.core.messages import render
from tandem.interop.iati.elements.base import ExportError
from tandem.interop.iati.records import ImportProblem

IATI_PROBLEMS = {
    "file_empty": _("the file is empty"),
    "file_doctype": _(
        "the file has a DOCTYPE declaration; IATI files have none, and it is refused for safety"
    ),
    "file_root": _("the root element is <%(root)s>, expected <iati-activities>"),
    "file_not_xml": _("the file is not XML"),
    "file_not_well_formed": _(
        "the file is not well-formed XML (damaged or truncated); the parser says: %(detail)s"
    ),
    "file_too_large": _("the file is over the limit of %(limit)s bytes"),
    "version_1": _("IATI version %(version)s is not supported; convert it to 2.03"),
    "no_version": _("the file does not say its IATI version; read as 2.03"),
    "other_version": _("IATI version %(version)s is not 2.01–2.03; read as 2.03"),
    "no_activity": _("the file has no iati-activity"),
    "no_identifier": _("the activity has no iati-identifier"),
    "no_title": _("the activity has no title in any language; its identifier is the title"),
    "no_status": _("the activity has no activity-status; read as pipeline"),
    "no_participant": _("the activity has no participating organisation that could be read"),
    "second_title": _("a second title was ignored"),
    "unknown_role": _("a participating organisation with the unknown role %(role)s was left out"),
    "nameless_org": _("a participating organisation with neither name nor ref was left out"),
    "unknown_status": _("unknown activity-status code %(status)s (expected 1 to 6); read as 1"),
    "unknown_date_type": _("an activity date of the unknown type %(type)s was left out"),
    "unknown_result_type": _("a result of the unknown type %(type)s was left out"),
    "result_without_indicators": _("a result without indicators was left out"),
    # What the parser found (the file, or a value of an element; the names of IATI elements
    # and attributes are shown as they are written in the file).
    "no_root": _("the file has no root element, expected <iati-activities>"),
    "file_unreadable": _("the file cannot be opened: %(reason)s"),
    "empty_identifier": _("the iati-identifier is empty"),
    "no_date": _("%(what)s has no iso-date"),
    "bad_date": _("%(what)s has a bad date “%(value)s” (expected YYYY-MM-DD)"),
    "impossible_date": _("%(what)s has an impossible date “%(value)s”"),
    "bad_datetime": _("%(what)s has a bad date and time “%(value)s”"),
    "no_value": _("%(what)s has no value"),
    "not_a_number": _("%(what)s is not a number: “%(value)s”"),
    "not_finite": _("%(what)s is not a finite number: “%(value)s”"),
    "not_boolean": _("%(what)s is not true or false: “%(value)s”"),
    "no_code": _("%(what)s has no code"),
    "no_currency": _("%(what)s has a value without currency, and the activity has no default"),
    "bad_currency": _("%(what)s has a value in an unknown currency “%(currency)s”"),
    "unknown_transaction_type": _("a transaction of the unknown type “%(type)s”"),
    "unknown_plan_area": _("unknown plan area “%(code)s” (expected P1 to P8)"),
    "unknown_national_project": _("unknown national project “%(code)s” (expected N1 to N13)"),
    "unknown_tandem_role": _("unknown tandem:role “%(value)s”; the IATI role %(role)s is used"),
    "tandem_status_mismatch": _(
        "tandem:status “%(value)s” does not match the activity-status %(status)s; the "
        "activity-status is used"
    ),
    "unknown_tandem_kind": _("unknown tandem:kind “%(value)s”; the kind is read from the codes"),
    "bad_baseline_year": _("an indicator baseline with the bad year “%(year)s” was left out"),
    "period_ends_before_start": _(
        "an indicator period ending on %(end)s, before it starts, was left out"
    ),
    "unknown_measure": _("unknown indicator measure “%(measure)s”; read as a unit"),
    "no_indicator_title": _("an indicator has no title"),
    "no_result_title": _("a result has no title"),
    "document_no_url": _("a document-link has no url"),
    "document_no_format": _("a document-link has no format or no category (IATI needs both)"),
}

# Why an activity was left out of an export (``ExportError.code``).
EXPORT_PROBLEMS = {
    "export_no_text": _("%(what)s has no text in any language"),
    "export_not_finite": _("%(what)s is not a finite number: %(value)s"),
    "export_sector_vocabulary": _("unknown sector vocabulary “%(vocabulary)s”"),
    "export_unknown_code": _("unknown %(what)s “%(code)s”"),
    "export_currency": _("the currency “%(currency)s” is not an ISO 4217 code"),
    "export_budget_period": _("the budget of %(date)s has no period end"),
    "export_no_participants": _("no participants (IATI needs at least one participating-org)"),
    "export_org_type": _("unknown organisation type “%(type)s”"),
    "export_baseline_year": _("the baseline year %(year)s is not a year"),
    "export_period_order": _("an indicator period ends (%(end)s) before it starts"),
    "export_result_indicators": _("a result has no indicator (IATI needs at least one)"),
    "export_no_dates": _("no start or end date (IATI needs at least one activity-date)"),
    "export_not_xml": _("it cannot be written as XML: %(detail)s"),
}


def problem_text(problem: ImportProblem) -> str:
    """What is wrong, in the active language (the English message where there is no code).

    A value that left only its element out (param ``left_out``: the element's name) says so.
    """
    params = dict(problem.params)
    left_out = params.pop("left_out", "")
    stored = {"code": problem.code, "params": params} if problem.code else None
    text = render(IATI_PROBLEMS, stored, fallback=problem.message)
    if left_out and problem.code in IATI_PROBLEMS:
        return str(_("%(problem)s; the %(element)s was left out")) % {
            "problem": text,
            "element": left_out,
        }
    return text


def export_problem_text(error: ExportError) -> str:
    """Why an activity was left out of an export, in the active language."""
    stored = {"code": error.code, "params": error.params} if error.code else None
    return render(EXPORT_PROBLEMS, stored, fallback=error.message)
