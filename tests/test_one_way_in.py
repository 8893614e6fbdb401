"""One way in (issue 20): pages and API routers write only through typed services.

Reads the source of the edges (src/tandem/web, src/tandem/api) with ``ast`` and fails when a
view or router writes a model itself: ``x.save()`` / ``x.delete()`` without an actor, or a
write through a model manager (``Model.objects.create(...)``, ``.update(...)``, ...).
"""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "tandem"
EDGES = ("web", "api")
MANAGER_WRITES = {"create", "update", "bulk_create", "bulk_update", "get_or_create"}
MANAGER_WRITES |= {"update_or_create", "delete"}


def _passes_an_actor(call: ast.Call) -> bool:
    """A service-like call hands over who acts: an ``actor=`` or ``signed_in(...)`` argument."""
    if any(keyword.arg == "actor" for keyword in call.keywords):
        return True
    return any(
        isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "signed_in"
        for arg in call.args
    )


def direct_writes(source: str) -> list[tuple[int, str]]:
    """(line, call) of every model write in ``source`` that bypasses a service."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        func = node.func
        through_manager = (
            func.attr in MANAGER_WRITES
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "objects"
        )
        bare_write = func.attr in {"save", "delete"} and not node.args
        if through_manager or (bare_write and not _passes_an_actor(node)):
            found.append((node.lineno, ast.unparse(func)))
    return found


def test_the_check_sees_a_direct_write_and_lets_a_service_call_pass() -> None:
    source = (
        "def view(request):\n"
        "    project.save()\n"
        "    Note.objects.create(text='x')\n"
        "    project_update(project=project, data=data, actor=signed_in(request.user))\n"
        "    spec.delete(record=r, expected_version=1, actor=user)\n"
        "    form.save(fair, signed_in(request.user))\n"
        "    workbook.save(buffer)\n"
    )
    assert direct_writes(source) == [(2, "project.save"), (3, "Note.objects.create")]


def test_no_view_or_router_writes_a_model_itself() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{line} {call}"
        for edge in EDGES
        for path in sorted((SRC / edge).rglob("*.py"))
        if "migrations" not in path.parts
        for line, call in direct_writes(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "write through a service (keyword-only, actor required):\n" + "\n".join(
        offenders
    )
