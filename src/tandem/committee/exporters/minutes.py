"""The minutes of a session: its agenda and decisions, two or three languages side by side.

One structure feeds the page, the PDF (WeasyPrint, from the same template) and the DOCX
(python-docx, a table with a column per language).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tandem.committee.enums import TranslationStatus
from tandem.committee.exporters.pdf import PDF_FONTS, html_to_pdf
from tandem.committee.models import CommitteeSession, Decision
from tandem.core.validators import xml_safe

LANGUAGE_NAMES = {"en": "English", "ja": "日本語", "ru": "Русский"}
SECTION_LABELS = {
    "en": ("Agenda item", "Decision", "authentic", "Other decisions"),
    "ja": ("議題", "決定", "正文", "その他の決定"),
    "ru": ("Пункт повестки дня", "Решение", "аутентичный текст", "Прочие решения"),
}


@dataclass
class DecisionCells:
    number: int
    texts: list[str]
    notes: list[str]
    is_illustrative: bool
    languages: list[str] = field(default_factory=list)

    @property
    def cells(self) -> list[tuple[str, str, str]]:
        return list(zip(self.languages, self.texts, self.notes, strict=True))


@dataclass
class MinutesSection:
    number: int | None
    titles: list[str]
    decisions: list[DecisionCells] = field(default_factory=list)
    is_illustrative: bool = False
    languages: list[str] = field(default_factory=list)

    @property
    def cells(self) -> list[tuple[str, str]]:
        return list(zip(self.languages, self.titles, strict=True))


def _cells(decision: Decision, languages: list[str]) -> DecisionCells:
    notes = []
    for language in languages:
        if decision.is_authentic(language):
            notes.append(SECTION_LABELS[language][2])
        else:
            status = TranslationStatus(decision.translation_status(language))
            notes.append(str(status.label) if status != TranslationStatus.CHECKED else "")
    return DecisionCells(
        number=decision.number,
        texts=[decision.text_in(language) for language in languages],
        notes=notes,
        is_illustrative=decision.is_illustrative,
        languages=languages,
    )


def minutes_sections(session: CommitteeSession, languages: list[str]) -> list[MinutesSection]:
    sections = []
    decisions = list(session.decisions.order_by("number"))
    for item in session.agenda_items.order_by("number"):
        section = MinutesSection(
            number=item.number,
            titles=[getattr(item, f"title_{lang}") or item.title for lang in languages],
            is_illustrative=item.is_illustrative,
            languages=languages,
        )
        section.decisions = [_cells(d, languages) for d in decisions if d.agenda_item_id == item.pk]
        sections.append(section)
    loose = [d for d in decisions if d.agenda_item_id is None]
    if loose:
        sections.append(
            MinutesSection(
                number=None,
                titles=[SECTION_LABELS[lang][3] for lang in languages],
                decisions=[_cells(d, languages) for d in loose],
                languages=languages,
            )
        )
    return sections


def minutes_html(session: CommitteeSession, languages: list[str], *, language: str) -> str:
    sections = minutes_sections(session, languages)
    illustrative = session.is_illustrative or any(
        section.is_illustrative or any(d.is_illustrative for d in section.decisions)
        for section in sections
    )
    with translation.override(language):
        return render_to_string(
            "web/committee/minutes_document.html",
            {
                "session": session,
                "languages": [(lang, LANGUAGE_NAMES[lang]) for lang in languages],
                "sections": sections,
                "shows_illustrative": illustrative,
                "labels": [SECTION_LABELS[lang] for lang in languages],
                "pdf_fonts": PDF_FONTS,
                "language": language,
                "co_chairs": list(session.co_chairs.select_related("person")),
            },
        )


def minutes_pdf(session: CommitteeSession, languages: list[str], *, language: str) -> bytes:
    return html_to_pdf(minutes_html(session, languages, language=language))


def minutes_docx(session: CommitteeSession, languages: list[str], *, language: str) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Noto Sans"
    style.font.size = Pt(10)
    with translation.override(language):
        document.add_heading(
            _("Minutes of session %(number)s") % {"number": session.number}, level=1
        )
        document.add_paragraph(
            xml_safe(f"{session.committee.name} · {session.start_date:%Y-%m-%d} · {session.city}")
        )
    table = document.add_table(rows=1, cols=len(languages))
    table.style = "Table Grid"
    for cell, lang in zip(table.rows[0].cells, languages, strict=True):
        cell.text = LANGUAGE_NAMES[lang]
    for section in minutes_sections(session, languages):
        row = table.add_row().cells
        for index, (cell, title) in enumerate(zip(row, section.titles, strict=True)):
            prefix = (
                f"{SECTION_LABELS[languages[index]][0]} {section.number}. "
                if section.number
                else ""
            )
            run = cell.paragraphs[0].add_run(xml_safe(prefix + title))
            run.bold = True
        for decision in section.decisions:
            row = table.add_row().cells
            for index, cell in enumerate(row):
                label = SECTION_LABELS[languages[index]][1]
                note = f" ({decision.notes[index]})" if decision.notes[index] else ""
                cell.paragraphs[0].add_run(
                    f"{label} {session.number}/{decision.number}{note}"
                ).italic = True
                cell.add_paragraph(xml_safe(decision.texts[index]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
