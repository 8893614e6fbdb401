from tandem.programme.models.programme import NationalProject, PlanArea, Programme

__all__ = ["NationalProject", "PlanArea", "Programme"]
