"""The registry's vocabularies: statuses, participant roles, aspects, money, disclosure."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProjectStatus(models.TextChoices):
    IDEA = "idea", pgettext_lazy("project status", "Idea")
    NEGOTIATION = "negotiation", pgettext_lazy("project status", "Negotiation")
    AGREED = "agreed", pgettext_lazy("project status", "Agreed")
    UNDER_IMPLEMENTATION = (
        "under_implementation",
        pgettext_lazy("project status", "Under implementation"),
    )
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")
    SUSPENDED = "suspended", pgettext_lazy("project status", "Suspended")
    CANCELLED = "cancelled", pgettext_lazy("project status", "Cancelled")


# The order in which a project normally moves forward; "advanced" means a step to the right.
STATUS_PROGRESS = {
    ProjectStatus.IDEA: 0,
    ProjectStatus.NEGOTIATION: 1,
    ProjectStatus.AGREED: 2,
    ProjectStatus.UNDER_IMPLEMENTATION: 3,
    ProjectStatus.COMPLETED: 4,
}
ACTIVE_STATUSES = (
    ProjectStatus.IDEA,
    ProjectStatus.NEGOTIATION,
    ProjectStatus.AGREED,
    ProjectStatus.UNDER_IMPLEMENTATION,
)


class ParticipantRole(models.TextChoices):
    LEAD = "lead", pgettext_lazy("participant role", "Lead")
    PARTNER = "partner", pgettext_lazy("participant role", "Partner")
    FUNDER = "funder", pgettext_lazy("participant role", "Funder")
    IMPLEMENTER = "implementer", pgettext_lazy("participant role", "Implementer")


class Aspect(models.TextChoices):
    PRODUCTIVITY = "productivity", _("Productivity improvement")
    DIVERSIFICATION = "diversification", _("Product diversification")
    LOCALISATION = "localisation", _("Localisation")
    EXPORT = "export", _("Export")


class Currency(models.TextChoices):
    JPY = "JPY", "JPY"
    RUB = "RUB", "RUB"
    USD = "USD", "USD"
    EUR = "EUR", "EUR"


class FinancingKind(models.TextChoices):
    INVESTMENT = "investment", _("Investment")
    LOAN = "loan", _("Loan")
    GRANT = "grant", _("Grant")
    TRADE_FINANCE = "trade_finance", _("Trade finance")
    UNSPECIFIED = "unspecified", _("Not stated")


class FinancingLineType(models.TextChoices):
    """What a financing line is, in IATI's terms (budgets, planned disbursements, transactions).

    Blank means "not stated": a commitment, or a disbursement when ``is_disbursement`` is set.
    """

    BUDGET = "budget", _("Budget")
    PLANNED_DISBURSEMENT = "planned_disbursement", _("Planned disbursement")
    INCOMING_FUNDS = "incoming_funds", _("Incoming funds")
    COMMITMENT = "commitment", _("Outgoing commitment")
    DISBURSEMENT = "disbursement", _("Disbursement")
    EXPENDITURE = "expenditure", _("Expenditure")
    INTEREST_PAYMENT = "interest_payment", _("Interest payment")
    LOAN_REPAYMENT = "loan_repayment", _("Loan repayment")
    REIMBURSEMENT = "reimbursement", _("Reimbursement")
    EQUITY_PURCHASE = "equity_purchase", _("Purchase of equity")
    EQUITY_SALE = "equity_sale", _("Sale of equity")
    CREDIT_GUARANTEE = "credit_guarantee", _("Credit guarantee")
    INCOMING_COMMITMENT = "incoming_commitment", _("Incoming commitment")
    OUTGOING_PLEDGE = "outgoing_pledge", _("Outgoing pledge")
    INCOMING_PLEDGE = "incoming_pledge", _("Incoming pledge")


class Disclosure(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("disclosure", "Public")
    INTERNAL = "internal", pgettext_lazy("disclosure", "Programme-internal")
    SIDE_CONFIDENTIAL = "side_confidential", pgettext_lazy("disclosure", "Side-confidential")


class SourceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    PRESS_ARTICLE = "press_article", _("Press article")
    COMMITTEE_DECISION = "committee_decision", _("Committee decision")


class SectorVocabulary(models.TextChoices):
    ISIC = "isic", "ISIC Rev. 4"
    NACE = "nace", "NACE Rev. 2"
    JSIC = "jsic", "JSIC"
    OKVED = "okved", "OKVED 2"
