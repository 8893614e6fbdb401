"""A `tandem` command run before what it needs says so in one line and exits non-zero.

The demo commands run in an order (`make demo`): each one run too early names the command to
run first, never a traceback.
"""

import pytest

from tandem.cli import main

# Run on a database without the embedded default: every one of these needs it.
NEED_THE_DEFAULT = (
    "demo-data",
    "demo-projects",
    "demo-committee",
    "demo-matchmaking",
    "demo-fairs",
    "demo-accounts",
)
# Run with the default loaded but before `tandem demo-data`: these need its organisations.
NEED_DEMO_DATA = ("demo-projects", "demo-exchange", "demo-fairs", "demo-accounts")


def _run(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(["tandem", command])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    return code, capsys.readouterr().err.strip()


@pytest.mark.integration
@pytest.mark.parametrize("command", NEED_THE_DEFAULT)
def test_a_demo_command_before_the_default_says_so_in_one_line(
    command: str, db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, error = _run(command, capsys)
    assert code != 0
    assert len(error.splitlines()) == 1, error
    assert "tandem load-default" in error


@pytest.mark.integration
@pytest.mark.parametrize("command", NEED_DEMO_DATA)
def test_a_demo_command_before_demo_data_says_so_in_one_line(
    command: str, default_programme: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, error = _run(command, capsys)
    assert code != 0
    assert len(error.splitlines()) == 1, error
    assert "tandem demo-data" in error
