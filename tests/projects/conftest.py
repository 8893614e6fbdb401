from collections.abc import Callable
from typing import Any

import pytest

from tandem.core.models import Country, Organisation, User
from tandem.programme.models import Programme
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create


@pytest.fixture
def organisations(default_programme: None) -> dict[str, Organisation]:
    japan, russia = Country.objects.get(code="JP"), Country.objects.get(code="RU")
    return {
        "jp": Organisation.objects.create(
            name="Hokuto Precision", name_ja="北斗精機", kind="company", side=japan
        ),
        "ru": Organisation.objects.create(
            name="Uralmash Machine Works",
            name_ru="Уралмаш Машзавод",
            kind="enterprise",
            side=russia,
        ),
    }


@pytest.fixture
def make_project(
    organisations: dict[str, Organisation], secretariat_jp: User
) -> Callable[..., JointProject]:
    def make(code: str = "JR-2019-0042", **fields: Any) -> JointProject:
        data = {
            "code": code,
            "title_en": "Lean production at a Urals machine-tool plant",
            "title_ja": "ウラル工作機械工場のリーン生産",
            "title_ru": "Бережливое производство на уральском станкостроительном заводе",
            "plan_areas": ["P5", "P3"],
            "national_projects": ["N7"],
            "regions": ["RU-SVE"],
            "status": "agreed",
            "participants": [
                {"organisation": "Hokuto Precision", "side": "JP", "role": "lead"},
                {"organisation": "Уралмаш Машзавод", "side": "RU", "role": "lead"},
            ],
        } | fields
        return project_create(
            programme=Programme.objects.get(), data=ProjectIn(**data), actor=secretariat_jp
        )

    return make
