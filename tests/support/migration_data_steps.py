"""The test database built from the models (`--no-migrations`), then made what `tandem migrate`
makes: the migrations' data steps run and every migration recorded as applied.

Replaying 86 migrations costs each test process about half a minute (rendering the model states);
`tandem migrate` itself is run on a fresh database in tests/test_cli.py, and
tests/test_migrations.py checks that the migrations match the models. Each RunPython step either
writes something a fresh database needs (``ON_A_FRESH_DATABASE``, run here) or only changes rows
already there (``ROWS_ALREADY_THERE``, nothing to do on an empty database); tests/test_migrations.py
fails on a data step that is in neither list.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Iterator
from importlib import import_module
from types import ModuleType
from typing import Any

ON_A_FRESH_DATABASE = {
    ("trade", "0002_hs_codes_and_plan_areas"): "load",
    ("projects", "0003_search_trigram_index"): "create",
}
ROWS_ALREADY_THERE = {
    ("trade", "0003_trade_totals_and_indicators"): "summarise",
    ("core", "0005_apitoken_scope_expiry"): "give_existing_tokens_an_expiry",
}


def every_migration() -> Iterator[tuple[str, str, ModuleType]]:
    """(app label, migration name, module) of every migration of every installed app, read from
    the packages themselves (the suite's settings switch Django's loader off)."""
    from django.apps import apps

    for config in apps.get_app_configs():
        try:
            package = import_module(f"{config.name}.migrations")
        except ModuleNotFoundError:
            continue
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name):
            if info.name[:1].isdigit():
                yield config.label, info.name, import_module(f"{package.__name__}.{info.name}")


def complete_test_database(connection: Any) -> None:
    """Run the data steps a fresh database needs, and record every migration as applied."""
    from django.apps import apps
    from django.db.migrations.recorder import MigrationRecorder

    with connection.schema_editor() as editor:
        for (app, migration), step in ON_A_FRESH_DATABASE.items():
            module = import_module(f"tandem.{app}.migrations.{migration}")
            getattr(module, step)(apps, editor)
    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    recorder.migration_qs.bulk_create(
        recorder.Migration(app=app, name=name) for app, name, _ in every_migration()
    )
