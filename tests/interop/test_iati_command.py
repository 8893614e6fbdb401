from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[1] / "data" / "iati"


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=6, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=6, count=60, actor=DEMO_ACTOR)


def test_export_then_import_previews_no_change(
    registry: None, secretariat_jp: User, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "activities.xml"
    call_command("iati", "export", "-o", str(target))
    public = JointProject.objects.filter(disclosure="public").count()
    assert f"activities written: {public}" in capsys.readouterr().out
    call_command("iati", "import", str(target), "--user", secretariat_jp.username)
    out = capsys.readouterr().out
    assert f"to create: 0; to change: 0; unchanged: {public}; refused: 0." in out
    assert "Preview only" in out


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml", "truncated.xml", "not-xml.csv"])
def test_hostile_or_broken_files_are_refused_from_the_command_line(
    registry: None, secretariat_jp: User, name: str
) -> None:
    before = JointProject.objects.count()
    with pytest.raises(CommandError, match="cannot be imported"):
        call_command(
            "iati", "import", str(DATA / name), "--user", secretariat_jp.username, "--commit"
        )
    assert JointProject.objects.count() == before
