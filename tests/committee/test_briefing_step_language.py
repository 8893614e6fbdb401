"""A briefing job's running step is kept as a code and read in the reader's language, whatever
the language of the pack ("Running: PDFを作成中" on an English page before)."""

from __future__ import annotations

import pytest
from django.utils import translation

from tandem.committee.exporters.briefing import render_briefing
from tandem.committee.messages import BRIEFING_STEPS
from tandem.committee.models import BriefingJob, CommitteeSession
from tandem.core.models import User


@pytest.mark.unit
@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_the_step_is_rendered_in_the_reader_language(language: str) -> None:
    job = BriefingJob(step="pdf")
    with translation.override(language):
        assert job.step_text == str(translation.gettext("Making the PDF"))
    with translation.override("en"):
        assert job.step_text == "Making the PDF"


@pytest.mark.unit
def test_an_older_job_shows_the_text_it_kept() -> None:
    with translation.override("en"):
        assert BriefingJob(step="PDFを作成中").step_text == "PDFを作成中"
        assert BriefingJob(step="").step_text == ""


@pytest.mark.integration
def test_a_japanese_pack_reports_codes(session_15: CommitteeSession, secretariat_jp: User) -> None:
    steps: list[str] = []
    render_briefing(
        session_15,
        secretariat_jp,
        language="ja",
        file_format="html",
        progress=lambda _percent, step: steps.append(step),
    )
    assert steps == ["history", "charts", "writing"]
    assert set(steps) <= set(BRIEFING_STEPS)
