from tandem.programme.models.alignment import IntendedAlignment
from tandem.programme.models.labels import LabelExample
from tandem.programme.models.programme import NationalProject, PlanArea, Programme

__all__ = ["IntendedAlignment", "LabelExample", "NationalProject", "PlanArea", "Programme"]
