"""The OpenAPI document names each schema once: two schema classes with one name would be
documented as one (django-ninja keeps the last), so that one operation of the pair is
documented wrongly. Every error an operation can give is documented too."""

from __future__ import annotations

import typing
from collections import defaultdict
from typing import Any

import pytest
from pydantic import BaseModel

from tandem.api.urls import api

pytestmark = pytest.mark.unit


def _models(annotation: Any, found: dict[str, set[str]], depth: int = 0) -> None:
    if depth > 8:
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        where = f"{annotation.__module__}.{annotation.__qualname__}"
        if where in found[annotation.__name__]:
            return
        found[annotation.__name__].add(where)
        for field in annotation.model_fields.values():
            _models(field.annotation, found, depth + 1)
    for argument in typing.get_args(annotation):
        _models(argument, found, depth + 1)


def _operations() -> list[Any]:
    return [
        operation
        for router in api._get_bound_routers()
        for path_view in router.path_operations.values()
        for operation in path_view.operations
    ]


def test_no_two_schema_classes_share_a_name() -> None:
    found: dict[str, set[str]] = defaultdict(set)
    for operation in _operations():
        for response_model in (operation.response_models or {}).values():
            for field in getattr(response_model, "model_fields", {}).values():
                _models(field.annotation, found)
        for model in operation.models:
            for field in model.model_fields.values():
                _models(field.annotation, found)
    assert len(found) > 50
    collisions = {name: sorted(where) for name, where in found.items() if len(where) > 1}
    assert collisions == {}


def test_every_operation_documents_400_and_422() -> None:
    document = api.get_openapi_schema()
    missing = [
        f"{method.upper()} {path}"
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
        if not {"400", "422"} <= set(map(str, operation["responses"]))
    ]
    assert missing == []
