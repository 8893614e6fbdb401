"""``tandem eval KIND DIR``: dispatch to the evaluation of one kind of language feature."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

# kind -> "module:function" taking the remaining argv and returning an exit code.
EVALUATIONS: dict[str, str] = {
    "ner": "tandem.evaluation.ner:main",
    "press": "tandem.evaluation.press:main",
    "labels": "tandem.evaluation.labels:main",
}

USAGE = "usage: tandem eval {ner|press|labels} DIR [options]  (tandem eval KIND --help)"


def main(argv: Sequence[str]) -> int:
    if not argv or argv[0] not in EVALUATIONS:
        print(USAGE, file=sys.stderr)
        return 2
    module_name, function_name = EVALUATIONS[argv[0]].split(":")
    module = __import__(module_name, fromlist=[function_name])
    evaluate: Callable[[Sequence[str]], int] = getattr(module, function_name)
    return evaluate(list(argv[1:]))
