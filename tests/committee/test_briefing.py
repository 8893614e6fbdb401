"""The briefing pack: from the command line and as a background job, in three languages."""

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tandem.committee.models import BriefingJob, CommitteeSession
from tandem.committee.selectors.portfolio import session_portfolio
from tandem.core.models import User

pytestmark = pytest.mark.integration

CO_CHAIRS = {
    "en": ("Toshimitsu Motegi", "Maxim Reshetnikov"),
    "ja": ("茂木敏充", "マクシム・レシェトニコフ"),
    "ru": ("Тосимицу Мотэги", "Максим Решетников"),
}


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("language", ["ja", "ru", "en"])
def test_briefing_command_writes_a_pdf_with_the_dashboard_counts(
    demo_committee: dict[str, int],
    make_user: Callable[..., User],
    tmp_path: Path,
    language: str,
) -> None:
    output = tmp_path / f"pack-{language}.pdf"
    call_command("briefing", "16", "--lang", language, "-o", str(output))
    text = pdf_text(output)
    assert "16" in text
    for name in CO_CHAIRS[language]:
        assert name in text
    # The session page (the dashboard of the session) shows the same counts.
    session = CommitteeSession.objects.get(number=16)
    counts = session_portfolio(session, make_user("auditor")).counts()
    assert counts["registered"] == 120
    assert counts["advanced"] + counts["stalled"] + counts["completed"] > 0
    client = Client()
    client.force_login(make_user("secretariat", "JP", username="sec"))
    page = client.get(reverse("web:session_detail", args=[16])).content.decode()
    for figure, value in counts.items():
        assert f'data-figure="{figure}">{value}<' in page
    flat = re.sub(r"\s+", " ", text)
    for value in (counts["registered"], counts["stalled"], counts["items_open"]):
        assert f" {value} " in flat


def test_briefing_command_writes_html_and_refuses_an_unknown_session(
    demo_committee: dict[str, int], tmp_path: Path
) -> None:
    output = tmp_path / "pack.html"
    call_command("briefing", "16", "--lang", "ru", "--format", "html", "-o", str(output))
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="ru"' in html
    assert "Максим Решетников" in html and "<svg" in html and "<script" not in html
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no session 99"):
        call_command("briefing", "99", "-o", str(tmp_path / "x.pdf"))


def test_briefing_job_runs_in_the_background_and_downloads(
    demo_committee: dict[str, int], secretariat_jp: User, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    client = Client()
    client.force_login(secretariat_jp)
    response = client.post(
        reverse("web:briefing", args=[16]),
        {"language": "ja", "file_format": "pdf", "as_of": "2021-10-14"},
    )
    job = BriefingJob.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/jobs/{job.pk}/")
    assert job.status == "done" and job.progress == 100 and job.as_of == dt.date(2021, 10, 14)
    partial = client.get(reverse("web:briefing_job", args=[job.pk]), headers={"HX-Request": "1"})
    assert b"hx-trigger" not in partial.content  # finished: the page stops polling
    download = client.get(reverse("web:briefing_download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    path = tmp_path / "pack.pdf"
    path.write_bytes(b"".join(download.streaming_content))  # type: ignore[attr-defined]
    assert "茂木敏充" in pdf_text(path)


def test_briefing_job_of_another_user_is_not_found(
    demo_committee: dict[str, int],
    secretariat_jp: User,
    make_user: Callable[..., User],
    settings: object,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    client = Client()
    client.force_login(secretariat_jp)
    client.post(
        reverse("web:briefing", args=[16]),
        {"language": "en", "file_format": "html", "as_of": "2021-10-14"},
    )
    job = BriefingJob.objects.get()
    other = Client()
    other.force_login(make_user("official", "RU"))
    assert other.get(reverse("web:briefing_download", args=[job.pk])).status_code == 404
    html = client.get(reverse("web:briefing_download", args=[job.pk]))
    assert "script-src" not in html["Content-Security-Policy"]
    assert html["Content-Security-Policy"].startswith("default-src 'none'")
