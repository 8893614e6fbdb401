"""IATI activities into the registry and out again (the Django side of :mod:`..iati`).

- :mod:`.state`: one activity as the registry would hold it (:class:`ProjectState`), built
  from a read record or from a stored project, so that the two can be compared;
- :mod:`.sides`: organisations matched by ref, then by name, and each participant's side;
- :mod:`.plan`: :func:`iati_import_plan`, the preview (nothing written);
- :mod:`.write`: :func:`iati_import_commit`, all or nothing, with the actor in the history.
"""
