"""Organisations of an IATI file matched to the registry's, and each participant's side.

An organisation is matched by its IATI ref, then by its name in any language; else it is
created (once its side is known) and listed for review. A participant's side is, in order:
what a person confirmed in the preview, the side of the matched organisation, tandem's own
``tandem:country``, the country prefix of its ref ("JP-…", "RU-…"), the reporting
organisation's prefix when the participant is the reporting organisation, and the recipient
country when exactly one side is a recipient. Otherwise a person confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tandem.core.enums import OrganisationKind
from tandem.core.models import Organisation
from tandem.interop.iati.records import ActivityRecord, ParticipantRecord

#: IATI OrganisationType -> our kind of organisation.
_KINDS = {
    "10": OrganisationKind.MINISTRY,
    "11": OrganisationKind.MINISTRY,
    "15": OrganisationKind.AGENCY,
    "40": OrganisationKind.AGENCY,
    "70": OrganisationKind.COMPANY,
    "71": OrganisationKind.COMPANY,
    "72": OrganisationKind.COMPANY,
    "80": OrganisationKind.UNIVERSITY,
    "21": OrganisationKind.ASSOCIATION,
    "22": OrganisationKind.ASSOCIATION,
    "23": OrganisationKind.ASSOCIATION,
}


def participant_key(participant: ParticipantRecord) -> str:
    """How a person names a participant when confirming its side: its ref, else its name."""
    return participant.ref or display_name(participant.names)


def display_name(names: dict[str, str]) -> str:
    for language in ("en", "ja", "ru"):
        if names.get(language):
            return names[language]
    return next(iter(names.values()), "")


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation to create: no ref or name matched."""

    names: dict[str, str]
    ref: str
    side: str
    kind: str


class Directory:
    """The registry's organisations, by ref and by name (loaded once per import)."""

    def __init__(self, sides: set[str]) -> None:
        self.sides = sides
        self.by_ref: dict[str, Organisation] = {}
        self.by_name: dict[str, Organisation] = {}
        for organisation in Organisation.objects.select_related("side"):
            if organisation.iati_ref:
                self.by_ref.setdefault(organisation.iati_ref.casefold(), organisation)
            for language in ("en", "ja", "ru"):
                name = getattr(organisation, f"name_{language}", "") or ""
                if name:
                    self.by_name.setdefault(name.casefold(), organisation)

    def match(self, participant: ParticipantRecord) -> Organisation | None:
        if participant.ref and (found := self.by_ref.get(participant.ref.casefold())):
            return found
        for name in participant.names.values():
            if found := self.by_name.get(name.casefold()):
                return found
        return None

    def side_of(
        self, participant: ParticipantRecord, record: ActivityRecord, confirmed: dict[str, str]
    ) -> str | None:
        key = participant_key(participant)
        if confirmed.get(key) in self.sides:
            return confirmed[key]
        if participant.country in self.sides:
            return participant.country
        prefix = _prefix(participant.ref)
        if prefix in self.sides:
            return prefix
        publisher = record.publisher.ref if record.publisher else None
        if publisher and participant.ref == publisher and _prefix(publisher) in self.sides:
            return _prefix(publisher)
        recipients = {c.code for c in record.recipient_countries} & self.sides
        if len(recipients) == 1 and participant.role.value in ("implementer", "partner"):
            return recipients.pop()
        return None


def new_organisation(participant: ParticipantRecord, side: str) -> NewOrganisation:
    names = {k: v[:300] for k, v in participant.names.items()} or {"en": participant.ref or "?"}
    kind = _KINDS.get(participant.type_code or "", OrganisationKind.OTHER)
    return NewOrganisation(names, (participant.ref or "")[:100], side, kind)


def _prefix(ref: str | None) -> str | None:
    if not ref or "-" not in ref:
        return None
    head = ref.split("-", 1)[0].upper()
    return head if len(head) == 2 and head.isalpha() else None
