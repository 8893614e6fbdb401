"""The committee's pages: who sees what, forms, minutes, calendars."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tandem.committee.models import ActionItem, AgendaItem, CommitteeSession, Decision, SessionNote
from tandem.committee.selectors.portfolio import compare_sessions
from tandem.core.models import Country, User
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_session_pages_show_the_facts_and_say_what_is_illustrative(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client = signed_in(secretariat_jp)
    listing = client.get(reverse("web:session_list")).content.decode()
    assert "Maxim Oreshkin" in listing and "Toshimitsu Motegi" in listing
    assert "illustrative-banner" in listing
    page = client.get(reverse("web:session_detail", args=[15])).content.decode()
    assert "Moscow" in page and "illustrative-banner" in page
    decision = Decision.objects.filter(session__number=15).first()
    assert decision is not None and decision.text_en in page


def test_session_page_names_the_projects_behind_each_count(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    session = CommitteeSession.objects.get(number=16)
    _previous, comparison = compare_sessions(session)
    page = signed_in(secretariat_jp).get(reverse("web:session_detail", args=[16])).content.decode()
    visible = JointProject.objects.exclude(
        disclosure="side_confidential", confidential_side__code="RU"
    )
    stalled = visible.filter(pk__in=comparison.stalled)
    assert stalled.exists()
    for code in stalled.values_list("code", flat=True):
        assert f">{code}</a>" in page


def test_pages_are_closed_to_company_representatives_and_the_public(
    demo_committee: dict[str, int], make_user: Callable[..., User]
) -> None:
    company = signed_in(make_user("company_representative", "JP"))
    assert company.get(reverse("web:session_detail", args=[15])).status_code == 403
    anonymous = Client().get(reverse("web:session_list"))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert Client().get(reverse("web:decisions_public")).status_code == 200


def test_officials_see_only_their_own_sides_confidential_notes(
    demo_committee: dict[str, int], make_user: Callable[..., User]
) -> None:
    official_jp = make_user("official", "JP", username="official-jp")
    official_ru = make_user("official", "RU", username="official-ru")
    url = reverse("web:note_add", args=[15])
    signed_in(official_jp).post(url, {"text": "Tokyo wants the Far East list first."})
    signed_in(official_ru).post(url, {"text": "Москва предлагает перенести срок."})
    assert SessionNote.objects.count() == 2
    page_jp = signed_in(official_jp).get(reverse("web:session_detail", args=[15])).content
    assert b"Tokyo wants" in page_jp and "Москва".encode() not in page_jp
    auditor = signed_in(make_user("auditor"))
    page = auditor.get(reverse("web:session_detail", args=[15])).content
    assert b"Tokyo wants" not in page and "Москва".encode() not in page


def test_secretariat_adds_an_agenda_item_and_a_decision_in_three_languages(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client = signed_in(secretariat_jp)
    session = CommitteeSession.objects.get(number=16)
    response = client.post(
        reverse("web:agenda_item_new", args=[16]),
        {
            "title_en": "Energy",
            "title_ja": "エネルギー",
            "title_ru": "Энергетика",
            "project_codes": "XX-0",
        },
    )
    assert response.status_code == 200 and b"No joint project you can see" in response.content
    response = client.post(
        reverse("web:agenda_item_new", args=[16]),
        {"title_en": "Energy", "title_ja": "エネルギー", "title_ru": "Энергетика"},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(session=session, title_en="Energy")
    assert item.number == session.agenda_items.count()
    response = client.post(
        reverse("web:decision_new", args=[16]),
        {
            "agenda_item": item.pk,
            "text_ja": "委員会はエネルギー協力を歓迎する。",
            "text_ru": "Комиссия приветствует сотрудничество в энергетике.",
            "text_en": "",
            "authentic": ["ja", "ru"],
            "translation_ja": "checked",
            "translation_ru": "checked",
            "translation_en": "missing",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get(session=session)
    assert decision.text_ja.startswith("委員会") and decision.agenda_item == item
    invalid = client.post(
        reverse("web:decision_new", args=[16]),
        {
            "text_en": "x",
            "authentic": ["ja"],
            "translation_ja": "missing",
            "translation_ru": "missing",
            "translation_en": "draft",
        },
    )
    assert invalid.status_code == 200 and b"An authentic text cannot be empty." in invalid.content


def test_officials_cannot_change_the_agenda(
    demo_committee: dict[str, int], make_user: Callable[..., User]
) -> None:
    official = signed_in(make_user("official", "JP"))
    assert official.post(reverse("web:agenda_propose", args=[16])).status_code == 403
    assert official.get(reverse("web:agenda_item_new", args=[16])).status_code == 403


def test_action_item_list_filters_overdue_items(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client = signed_in(secretariat_jp)
    page = client.get(reverse("web:action_list"), {"overdue": "on", "sort": "reference"})
    overdue = [i for i in ActionItem.objects.all() if i.is_overdue()]
    assert page.status_code == 200
    assert f"{len(overdue)} action item".encode() in page.content
    for item in overdue:
        assert item.reference.encode() in page.content


def test_minutes_side_by_side_and_as_pdf_and_docx(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client = signed_in(secretariat_jp)
    page = client.get(reverse("web:minutes", args=[15]), {"lang": ["ja", "ru"]}).content.decode()
    decision = Decision.objects.filter(session__number=15).first()
    assert decision is not None
    assert decision.text_ja in page and decision.text_ru in page and decision.text_en not in page
    pdf = client.get(reverse("web:minutes_file", args=[15, "pdf"]), {"lang": ["ja", "en"]})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("web:minutes_file", args=[15, "docx"]))
    assert docx.content.startswith(b"PK")
    import io

    from docx import Document

    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert decision.text_ja in text and decision.text_ru in text and decision.text_en in text


def test_calendars_list_sessions_and_open_deadlines(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client = signed_in(secretariat_jp)
    sessions = client.get(reverse("web:sessions_ics")).content.decode()
    assert sessions.count("BEGIN:VEVENT") == 2 and "DTSTART;VALUE=DATE:20191219" in sessions
    actions = client.get(reverse("web:actions_ics")).content.decode()
    open_items = ActionItem.objects.filter(status__in=["open", "in_progress"]).count()
    assert actions.count("BEGIN:VEVENT") == open_items > 0


def test_a_decision_goes_public_when_both_secretariats_agree(
    demo_committee: dict[str, int], secretariat_jp: User, secretariat_ru: User
) -> None:
    decision = Decision.objects.filter(session__number=15).first()
    assert decision is not None
    url = reverse("web:decision_public", args=[15, decision.pk])
    signed_in(secretariat_jp).post(url, {"public": "1"})
    assert decision.text_ru.encode() not in Client().get(reverse("web:decisions_public")).content
    signed_in(secretariat_ru).post(url, {"public": "1"})
    assert decision.text_ru.encode() in Client().get(reverse("web:decisions_public")).content
    assert Country.objects.count() == 2
