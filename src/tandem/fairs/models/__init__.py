from tandem.fairs.models.fair import Fair

__all__ = ["Fair"]
