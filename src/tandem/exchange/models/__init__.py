from tandem.exchange.models.dispatch import SpecialistDispatch
from tandem.exchange.models.enterprise import EnterpriseProfile
from tandem.exchange.models.files import ExchangeFile
from tandem.exchange.models.kpi import KpiIndicator, KpiMeasurement
from tandem.exchange.models.outcome import BusinessOutcome
from tandem.exchange.models.placement import TraineePlacement

__all__ = [
    "BusinessOutcome",
    "EnterpriseProfile",
    "ExchangeFile",
    "KpiIndicator",
    "KpiMeasurement",
    "SpecialistDispatch",
    "TraineePlacement",
]
