from tandem.committee.models.committee import Committee, CommitteeSession, SessionCoChair

__all__ = ["Committee", "CommitteeSession", "SessionCoChair"]
