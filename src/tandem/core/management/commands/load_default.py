"""Load the embedded default programme (Japan–Russia): idempotent, all or nothing."""

from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load or refresh the embedded default: countries, regions, the programme, facts."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("tandem."):
                continue
            if find_spec(f"{app_config.name}.defaults") is None:
                continue
            loader = import_string(f"{app_config.name}.defaults.load_default")
            for label, count in loader().items():
                self.stdout.write(f"{label}: {count}")
