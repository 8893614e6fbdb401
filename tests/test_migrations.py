import pytest
from django.core.management import call_command

pytestmark = pytest.mark.integration


def test_every_model_change_has_its_migration(db: None) -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
