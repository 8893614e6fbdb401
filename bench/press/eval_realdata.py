"""Press extraction measured on real news written and annotated by others (issue 26).

    PYTHONPATH=src python bench/press/eval_realdata.py [TEXTS] [--gold GOLD.json] [--show]

The same as ``tandem eval press TEXTS``: the logic lives in ``tandem.evaluation.press``.
These are development figures: the headline figures come from hidden sets.
"""

from __future__ import annotations

import sys

from tandem.evaluation.press import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
