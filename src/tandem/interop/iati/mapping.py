"""How tandem's words map onto IATI 2.03 codes, and back.

Status (our ProjectStatus -> IATI ActivityStatus):

==================== ==== ===================================================================
ours                 IATI why
==================== ==== ===================================================================
idea                 1    Pipeline/identification: being identified
negotiation          1    Pipeline/identification: being scoped or planned with the partner
agreed               1    Pipeline/identification: agreed but not yet under way
under_implementation 2    Implementation
completed            4    Closed: physical activity complete (3 Finalisation is read as
                          completed too)
suspended            6    Suspended
cancelled            5    Cancelled
==================== ==== ===================================================================

Roles (our ParticipantRole -> IATI OrganisationRole): funder 1 Funding, lead 2 Accountable,
partner 4 Implementing, implementer 4 Implementing. Read back, 3 Extending becomes partner.

IATI has fewer distinctions than we do (three statuses share code 1, two roles share code 4;
IATI has no country for a participating organisation, and a budget has no instrument). So the
export also writes tandem's own value as an attribute in the tandem namespace
(:data:`TANDEM_NS`, allowed by the schema's ``anyAttribute namespace="##other"``):
``activity-status/@tandem:status``, ``participating-org/@tandem:role`` and ``@tandem:country``,
``budget/@tandem:kind`` and ``transaction/@tandem:kind``. IATI consumers ignore them; our
import prefers them when they agree with the IATI code, so that export -> import gives back
the same record.

Financing lines: ``planned`` -> ``<budget type="1" status="1">`` (original, indicative);
``pledged`` -> transaction 12 Outgoing Pledge; ``committed`` -> 2 Outgoing Commitment;
``disbursed`` -> 3 Disbursement (8 Purchase of Equity for an investment). Flow and finance type
defaults per kind are in :data:`KIND_DEFAULTS` (Russia is not on the DAC list of ODA
recipients, so official money is OOF, not ODA).

Plan areas (P1..P8) and national projects (N1..N13) are published as
``<tag vocabulary="99" vocabulary-uri="{base}/plan-areas|national-projects">``, not as
sectors: an alignment is a label, not a share of spending, and IATI expects the percentages of
each sector vocabulary to add up to 100. Tags have no percentage (precedent: tag vocabulary 4,
Team Europe Initiatives). Our regions are ``recipient-region`` in vocabulary 99 with
``vocabulary-uri="{base}/regions"``.
"""

from __future__ import annotations

from typing import Final

from .records import FinancingKind, FinancingStage, Measure, ParticipantRole, ProjectStatus
from .records import ResultKind as RK

TANDEM_NS: Final = "urn:tandem:iati:1"
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"

STATUS_TO_IATI: Final[dict[ProjectStatus, str]] = {
    ProjectStatus.IDEA: "1",
    ProjectStatus.NEGOTIATION: "1",
    ProjectStatus.AGREED: "1",
    ProjectStatus.UNDER_IMPLEMENTATION: "2",
    ProjectStatus.COMPLETED: "4",
    ProjectStatus.SUSPENDED: "6",
    ProjectStatus.CANCELLED: "5",
}
IATI_TO_STATUS: Final[dict[str, ProjectStatus]] = {
    "1": ProjectStatus.IDEA,
    "2": ProjectStatus.UNDER_IMPLEMENTATION,
    "3": ProjectStatus.COMPLETED,
    "4": ProjectStatus.COMPLETED,
    "5": ProjectStatus.CANCELLED,
    "6": ProjectStatus.SUSPENDED,
}

ROLE_TO_IATI: Final[dict[ParticipantRole, str]] = {
    ParticipantRole.FUNDER: "1",
    ParticipantRole.LEAD: "2",
    ParticipantRole.PARTNER: "4",
    ParticipantRole.IMPLEMENTER: "4",
}
IATI_TO_ROLE: Final[dict[str, ParticipantRole]] = {
    "1": ParticipantRole.FUNDER,
    "2": ParticipantRole.LEAD,
    "3": ParticipantRole.PARTNER,
    "4": ParticipantRole.IMPLEMENTER,
}

#: kind -> (flow type, finance type) written when the line does not override them.
KIND_DEFAULTS: Final[dict[FinancingKind, tuple[str, str]]] = {
    FinancingKind.GRANT: ("21", "110"),  # non-export-credit OOF, standard grant
    FinancingKind.LOAN: ("21", "421"),  # non-export-credit OOF, standard loan
    FinancingKind.TRADE_FINANCE: ("22", "421"),  # officially supported export credit, loan
    FinancingKind.INVESTMENT: ("36", "510"),  # private FDI, common equity
}

STAGE_TO_TRANSACTION: Final[dict[FinancingStage, str]] = {
    FinancingStage.PLEDGED: "12",
    FinancingStage.COMMITTED: "2",
    FinancingStage.DISBURSED: "3",
}
EQUITY_PURCHASE: Final = "8"

#: IATI TransactionType code -> our word for it (FinancingLineType in the registry).
TRANSACTION_TYPES: Final[dict[str, str]] = {
    "1": "incoming_funds",
    "2": "commitment",
    "3": "disbursement",
    "4": "expenditure",
    "5": "interest_payment",
    "6": "loan_repayment",
    "7": "reimbursement",
    "8": "equity_purchase",
    "9": "equity_sale",
    "10": "credit_guarantee",
    "11": "incoming_commitment",
    "12": "outgoing_pledge",
    "13": "incoming_pledge",
}
TRANSACTION_CODES: Final[dict[str, str]] = {word: code for code, word in TRANSACTION_TYPES.items()}
#: The letter codes of IATI 1.x that 2.0x files still carry, as their numeric codes.
LETTER_TRANSACTION_CODES: Final[dict[str, str]] = {
    "IF": "1",
    "C": "2",
    "D": "3",
    "E": "4",
    "IR": "5",
    "LR": "6",
    "R": "7",
    "QP": "8",
    "QS": "9",
    "CG": "10",
}
BUDGET: Final = "budget"
PLANNED_DISBURSEMENT: Final = "planned_disbursement"
TRANSACTION_TO_STAGE: Final[dict[str, FinancingStage]] = {
    "1": FinancingStage.DISBURSED,  # incoming funds
    "2": FinancingStage.COMMITTED,
    "3": FinancingStage.DISBURSED,
    "4": FinancingStage.DISBURSED,  # expenditure
    "7": FinancingStage.DISBURSED,  # reimbursement
    "8": FinancingStage.DISBURSED,  # purchase of equity
    "11": FinancingStage.COMMITTED,  # incoming commitment
    "12": FinancingStage.PLEDGED,
    "13": FinancingStage.PLEDGED,  # incoming pledge
    "5": FinancingStage.DISBURSED,  # interest payment
    "6": FinancingStage.DISBURSED,  # loan repayment
    "9": FinancingStage.DISBURSED,  # sale of equity
    "10": FinancingStage.COMMITTED,  # credit guarantee
}

RESULT_TO_IATI: Final[dict[RK, str]] = {
    RK.OUTPUT: "1",
    RK.OUTCOME: "2",
    RK.IMPACT: "3",
    RK.OTHER: "9",
}
IATI_TO_RESULT: Final[dict[str, RK]] = {v: k for k, v in RESULT_TO_IATI.items()}

MEASURE_TO_IATI: Final[dict[Measure, str]] = {
    Measure.UNIT: "1",
    Measure.PERCENTAGE: "2",
    Measure.NOMINAL: "3",
    Measure.ORDINAL: "4",
    Measure.QUALITATIVE: "5",
}
IATI_TO_MEASURE: Final[dict[str, Measure]] = {v: k for k, v in MEASURE_TO_IATI.items()}

PLAN_AREA_PATH: Final = "plan-areas"
NATIONAL_PROJECT_PATH: Final = "national-projects"
REGION_PATH: Final = "regions"


_GRANTS: Final = frozenset({"110", "111", "210", "211", "310", "311", "3100"})
_EQUITY: Final = frozenset({"432", "510", "511", "512", "520", "530"})


def kind_from_codes(flow: str | None, finance: str | None) -> FinancingKind | None:
    """Guess the instrument of a line from someone else's file (no tandem:kind)."""
    if finance:
        if finance in _GRANTS:
            return FinancingKind.GRANT
        if finance in _EQUITY:
            return FinancingKind.INVESTMENT
        if finance.startswith("4"):
            return FinancingKind.TRADE_FINANCE if flow == "22" else FinancingKind.LOAN
    if flow == "36":
        return FinancingKind.INVESTMENT
    if flow == "22":
        return FinancingKind.TRADE_FINANCE
    return None


def vocabulary_uri(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path}"
