"""Evaluations on text written and annotated by others: ``tandem eval ner|press|labels DIR``.

Each kind reads its set in its own format and prints precision, recall and F1 per kind and
language. The sets live outside the repository (``../shared/realdata/`` and texts re-read into
the git-ignored ``.realdata/``); figures measured on them are development figures.
"""
