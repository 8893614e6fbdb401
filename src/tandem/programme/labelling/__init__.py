"""Label suggestion for joint projects (pure Python + numpy; no Django imports).

:class:`Suggester` ranks the plan areas (P1-P8) and national projects (N1-N13) of a project
text in English, Japanese or Russian from prototype phrases, labelled examples (k-NN), cue
words and a Far East gazetteer; :mod:`~tandem.programme.labelling.cli` is ``tandem classify``.
"""

from tandem.programme.labelling.examples import Example, ExampleError, append_example
from tandem.programme.labelling.labels import LANGUAGES, load_labels
from tandem.programme.labelling.lexicon import FarEastGazetteer, PlaceMatch
from tandem.programme.labelling.reasons import Reason
from tandem.programme.labelling.suggester import (
    LabelScore,
    Suggester,
    SuggesterConfig,
    Suggestion,
)

__all__ = [
    "LANGUAGES",
    "Example",
    "ExampleError",
    "FarEastGazetteer",
    "LabelScore",
    "PlaceMatch",
    "Reason",
    "Suggester",
    "SuggesterConfig",
    "Suggestion",
    "append_example",
    "load_labels",
]
