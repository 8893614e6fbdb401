from tandem.press.models.article import Article, FigureClaim, Mention
from tandem.press.models.proposal import Proposal

__all__ = ["Article", "FigureClaim", "Mention", "Proposal"]
