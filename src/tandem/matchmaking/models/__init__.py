from tandem.matchmaking.models.introduction import Introduction
from tandem.matchmaking.models.profile import CompanyProfile
from tandem.matchmaking.models.suggestion import StoredVector, Suggestion

__all__ = ["CompanyProfile", "Introduction", "StoredVector", "Suggestion"]
