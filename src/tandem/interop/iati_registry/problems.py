"""IATI import problems in the reader's language, by code.

The pure reader (:mod:`tandem.interop.iati`) names each problem with a code and parameters
beside its English message; pages render the code here. A problem without a code (or with a
code this catalogue does not know) keeps its English message.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tandem.core.messages import render
from tandem.interop.iati.records import ImportProblem

IATI_PROBLEMS = {
    "file_empty": _("the file is empty"),
    "file_doctype": _(
        "the file has a DOCTYPE declaration; IATI files have none, and it is refused for safety"
    ),
    "file_root": _("the root element is <%(root)s>, expected <iati-activities>"),
    "file_not_xml": _("the file is not XML"),
    "file_not_well_formed": _("the file is not well-formed XML (damaged or truncated)"),
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
}


def problem_text(problem: ImportProblem) -> str:
    """What is wrong, in the active language (the English message where there is no code)."""
    stored = {"code": problem.code, "params": dict(problem.params)} if problem.code else None
    return render(IATI_PROBLEMS, stored, fallback=problem.message)
