"""Cross-lingual SME partner matching (pure Python + numpy; no Django imports).

Pipeline: :mod:`profiles` (input) -> :mod:`phrases` (split texts) -> :mod:`index`
(embed, language-centre, store) -> :mod:`ranker` (score, explain) -> :mod:`cli`.
"""

from tandem.matchmaking.matching.index import ProfileIndex
from tandem.matchmaking.matching.profiles import CompanyProfile, ProfileError, read_profiles
from tandem.matchmaking.matching.ranker import Match, Ranker, RankerConfig, Reason

__all__ = [
    "CompanyProfile",
    "Match",
    "ProfileError",
    "ProfileIndex",
    "Ranker",
    "RankerConfig",
    "Reason",
    "read_profiles",
]
