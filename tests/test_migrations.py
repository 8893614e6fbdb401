import pytest
from django.core.management import call_command
from django.db import migrations
from django.test import override_settings
from migration_data_steps import ON_A_FRESH_DATABASE, ROWS_ALREADY_THERE, every_migration

pytestmark = pytest.mark.integration


def _data_steps() -> dict[tuple[str, str], list[str]]:
    """Every RunPython and RunSQL step of tandem's migrations, by (app, migration)."""
    steps: dict[tuple[str, str], list[str]] = {}
    for app, name, module in every_migration():
        if not module.__name__.startswith("tandem."):
            continue  # third-party migrations, as Django's own test runner treats them
        for operation in module.Migration.operations:
            if isinstance(operation, migrations.RunPython):
                steps.setdefault((app, name), []).append(operation.code.__name__)
            elif isinstance(operation, migrations.RunSQL):
                steps.setdefault((app, name), []).append("RunSQL")
    return steps


def test_every_model_change_has_its_migration(db: None) -> None:
    # The suite runs without migrations (pyproject: --no-migrations); this check reads them.
    with override_settings(MIGRATION_MODULES={}):
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_data_step_is_run_for_the_test_database_or_needs_none() -> None:
    listed = {**ON_A_FRESH_DATABASE, **ROWS_ALREADY_THERE}
    found = _data_steps()
    assert set(found) == set(listed), "list each data step in tests/support/migration_data_steps.py"
    assert all(found[key] == [listed[key]] for key in found)


def test_the_data_steps_ran_for_the_test_database(db: None) -> None:
    from django.db.migrations.recorder import MigrationRecorder

    from tandem.trade.models import ChapterPlanArea, HsCode

    assert HsCode.objects.exists() and ChapterPlanArea.objects.exists()
    recorded = set(MigrationRecorder.Migration.objects.values_list("app", "name"))
    assert recorded == {(app, name) for app, name, _ in every_migration()}
