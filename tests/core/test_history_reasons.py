"""Change reasons that history keeps are codes (and parameters), read in the reader's
language: "作成・demo account" or "Идея — 新規登録" no more (issue 17)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tandem.core.actors import REASON_LENGTH, actor_reason, worker_actor
from tandem.core.history_reasons import HISTORY_REASONS, history_reason, reason_text

pytestmark = pytest.mark.unit

SAMPLE = {
    "number": 3,
    "article": 5,
    "source": "registry.csv",
    "status": "accepted",
    "outcome": "agreement",
    "profile": 7,
    "organisation": 9,
}


def _params(code: str) -> dict[str, object]:
    text = str(HISTORY_REASONS[code])
    return {name: value for name, value in SAMPLE.items() if f"%({name})" in text}


def test_every_code_renders_in_every_language_with_its_parameters() -> None:
    for code in HISTORY_REASONS:
        stored = history_reason(code, **_params(code))
        assert len(stored) <= REASON_LENGTH, code
        for language in ("en", "ja", "ru"):
            shown = reason_text(stored, language)
            assert shown and "%(" not in shown and '"code"' not in shown, (code, language)


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [("ja", "承諾済み", "Accepted"), ("ru", "Принят", "Accepted")],
)
def test_a_code_is_shown_in_the_readers_language_not_the_writers(
    language: str, expected: str, english: str
) -> None:
    with translation.override("ja"):  # written by a Japanese reader…
        stored = history_reason("accepted")
    assert stored == "accepted"  # …kept as the code, no language in it
    shown = reason_text(stored, language)
    assert shown == expected and english not in shown
    other = {"ja": "承諾済み", "ru": "Принят"}[{"ja": "ru", "ru": "ja"}[language]]
    assert other not in shown


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_template_filter_renders_in_the_active_language(language: str) -> None:
    template = Template("{{ reason|history_reason }}")
    with translation.override(language):
        shown = template.render(Context({"reason": "withdrawn"}))
    assert shown == {"ja": "取り下げ済み", "ru": "Отозван"}[language]


def test_parameters_and_a_system_actors_name_survive() -> None:
    stored = actor_reason(worker_actor("schedule job 12"), history_reason("superseded", number=4))
    assert reason_text(stored, "en") == "worker: schedule job 12: superseded by version 4"
    assert reason_text(actor_reason(worker_actor("job 3"), "accepted"), "ru") == (
        "worker: job 3: Принят"
    )


def test_a_typed_reason_stays_as_typed() -> None:
    for typed in ("新規登録の訂正", "status date: corrected by hand", '{"code": "nope"}', ""):
        assert reason_text(typed, "ru") == typed


def test_a_long_parameter_is_cut_so_the_json_stays_whole() -> None:
    stored = actor_reason(
        worker_actor("tandem import by secretariat-jp"),
        history_reason("import", source="a-very-long-file-name-" * 8 + ".csv"),
    )
    assert len(stored) <= REASON_LENGTH
    shown = reason_text(stored, "en")
    assert shown.startswith("worker: tandem") and "import of a-very-long-file-name" in shown
    assert '"code"' not in shown
