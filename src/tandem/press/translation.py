"""The press monitor keeps no per-language columns (an article is in its own language);
every model keeps its history."""

from tandem.core.audit import track_history
from tandem.press.models import Article, FigureClaim, Mention, Proposal

track_history(Article, Mention, FigureClaim, Proposal)
