"""The ``tandem`` command.

``tandem <command>`` runs one of tandem's own commands or any Django management command
(``tandem migrate``, ``tandem check --deploy``, ``tandem createsuperuser``) with the same
environment as the server. Hyphenated names map to management commands (``demo-data`` →
``demo_data``). Pure commands that need no database (``schedule``, ``match``) run without
starting Django. A bad configuration or an unreachable database gives one clear line and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

EXIT_CONFIG = 2
SETTINGS_MODULE = "tandem.settings.base"

# Management commands that never touch the database: no connection check before them.
NO_DATABASE_COMMANDS = frozenset(
    {
        "help",
        "version",
        "check",
        "compilemessages",
        "makemessages",
        "collectstatic",
        "shell",
        "doctor",  # checks the database itself, with the other checks
    }
)

# Commands implemented as pure functions: name -> "module:function" taking argv.
PURE_COMMANDS: dict[str, str] = {
    "schedule": "tandem.fairs.scheduling.cli:main",
    "match": "tandem.matchmaking.matching.cli:main",
    "classify": "tandem.programme.labelling.cli:main",
    "eval": "tandem.evaluation.cli:main",
}


def _fail(message: str) -> int:
    print(f"tandem: error: {message}", file=sys.stderr)
    return EXIT_CONFIG


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _run_pure(name: str, argv: Sequence[str]) -> int:
    module_name, function_name = PURE_COMMANDS[name].split(":")
    module = __import__(module_name, fromlist=[function_name])
    command: Callable[[Sequence[str]], int] = getattr(module, function_name)
    return command(argv)


def _run_django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from tandem.settings.config import ConfigError

    try:
        import django

        django.setup()
    except ConfigError as exc:
        return _fail(str(exc))

    from django.core.management import execute_from_command_line
    from django.db import DatabaseError, connections

    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    if len(argv) > 1 and argv[1] not in NO_DATABASE_COMMANDS and not argv[1].startswith("-"):
        try:
            connections["default"].ensure_connection()
        except DatabaseError as exc:
            return _fail(f"the database cannot be reached: {_first_line(exc)}")
    try:
        execute_from_command_line(argv)
    except DatabaseError as exc:
        return _fail(f"database error: {_first_line(exc)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    args[0] = "tandem"
    if len(args) > 1 and args[1] in PURE_COMMANDS:
        return _run_pure(args[1], args[2:])
    return _run_django(args)


if __name__ == "__main__":
    sys.exit(main())
