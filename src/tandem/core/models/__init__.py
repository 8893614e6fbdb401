from tandem.core.models.api_token import ApiToken
from tandem.core.models.country import Country
from tandem.core.models.generation import Generation
from tandem.core.models.organisation import Organisation
from tandem.core.models.person import Person
from tandem.core.models.region import FederalDistrict, Region
from tandem.core.models.security_event import SecurityEvent
from tandem.core.models.user import User
from tandem.core.models.worker import WorkerBeat

__all__ = [
    "ApiToken",
    "Country",
    "FederalDistrict",
    "Generation",
    "Organisation",
    "Person",
    "Region",
    "SecurityEvent",
    "User",
    "WorkerBeat",
]
