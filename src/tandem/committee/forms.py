"""Forms of the committee pages: agenda items, decisions, action items, notes, packs."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import ActionStatus, BriefingFormat, TranslationStatus
from tandem.committee.models import (
    DECISION_LANGUAGES,
    ActionItem,
    AgendaItem,
    CommitteeSession,
    Decision,
)
from tandem.core.enums import Language
from tandem.core.models import Country, Organisation, Person
from tandem.programme.models import PlanArea
from tandem.projects.selectors.visibility import visible_projects

LANGUAGE_NAMES = {"en": _("English"), "ja": _("Japanese"), "ru": _("Russian")}
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectCodesField(forms.CharField):
    """Joint-project codes separated by spaces or commas, checked against what the user sees."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Joint projects (codes)"))
        kwargs.setdefault("help_text", _("For example JR-2019-0042, JR-2020-0007"))
        super().__init__(**kwargs)


def resolve_codes(user: Any, text: str) -> tuple[list[int], list[str]]:
    codes = [code for code in re.split(r"[\s,;]+", text.strip().upper()) if code]
    found = dict(visible_projects(user).filter(code__in=codes).values_list("code", "pk"))
    return [found[c] for c in codes if c in found], [c for c in codes if c not in found]


class CodesMixin(forms.Form):
    user: Any = None

    def clean_project_codes(self) -> list[int]:
        ids, unknown = resolve_codes(self.user, self.cleaned_data.get("project_codes") or "")
        if unknown:
            raise forms.ValidationError(
                _("No joint project you can see has the code %(codes)s."),
                params={"codes": ", ".join(unknown)},
            )
        return ids


def _title_fields(required_en: bool = True) -> dict[str, forms.Field]:
    return {
        f"title_{language}": forms.CharField(
            label=_("Title (%(language)s)") % {"language": LANGUAGE_NAMES[language]},
            max_length=300,
            required=language == "en" and required_en,
        )
        for language in ("en", "ja", "ru")
    }


def _codes(item: Any, user: Any) -> str:
    """The codes of the projects ``item`` names that ``user`` may see (the others are neither
    shown nor lost: the services keep the links a user cannot see)."""
    return " ".join(
        visible_projects(user)
        .filter(pk__in=item.projects.all())
        .values_list("code", flat=True)
        .order_by("code")
    )


def _titles_of(item: Any) -> dict[str, Any]:
    return {f"title_{language}": getattr(item, f"title_{language}") for language in LANGUAGE_NAMES}


class AgendaItemForm(CodesMixin):
    title_en = _title_fields()["title_en"]
    title_ja = _title_fields()["title_ja"]
    title_ru = _title_fields()["title_ru"]
    plan_area: forms.ModelChoiceField[PlanArea] = forms.ModelChoiceField(
        PlanArea.objects.order_by("number"), required=False, label=_("Plan area")
    )
    project_codes = ProjectCodesField()

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    @staticmethod
    def initial_from(item: AgendaItem, user: Any) -> dict[str, Any]:
        return _titles_of(item) | {
            "plan_area": item.plan_area_id,
            "project_codes": _codes(item, user),
        }


class DecisionForm(CodesMixin):
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), required=False, coerce=int, empty_value=None
    )
    text_ja = forms.CharField(label=_("Text (Japanese)"), widget=forms.Textarea, required=False)
    text_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea, required=False)
    text_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea, required=False)
    authentic = forms.MultipleChoiceField(
        label=_("Authentic languages"),
        choices=[(language, LANGUAGE_NAMES[language]) for language in DECISION_LANGUAGES],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages whose text is authentic; usually Japanese and Russian."),
    )
    translation_ja = forms.ChoiceField(
        label=_("Japanese translation"), choices=TranslationStatus.choices
    )
    translation_ru = forms.ChoiceField(
        label=_("Russian translation"), choices=TranslationStatus.choices
    )
    translation_en = forms.ChoiceField(
        label=_("English translation"), choices=TranslationStatus.choices
    )
    project_codes = ProjectCodesField()

    def __init__(
        self, *args: Any, session: CommitteeSession, user: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["agenda_item"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (item.pk, str(item)) for item in session.agenda_items.order_by("number")
        ]

    @staticmethod
    def initial_from(decision: Decision | None, user: Any) -> dict[str, Any]:
        if decision is None:
            return {f"translation_{language}": "missing" for language in DECISION_LANGUAGES}
        initial: dict[str, Any] = {
            "agenda_item": decision.agenda_item_id,
            "authentic": [lang for lang in DECISION_LANGUAGES if decision.is_authentic(lang)],
            "project_codes": _codes(decision, user),
        }
        for language in DECISION_LANGUAGES:
            initial[f"text_{language}"] = decision.text_in(language)
            initial[f"translation_{language}"] = decision.translation_status(language)
        return initial


class ActionItemForm(CodesMixin):
    title_en = _title_fields()["title_en"]
    title_ja = _title_fields()["title_ja"]
    title_ru = _title_fields()["title_ru"]
    owner_side: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        Country.objects.all(), label=_("Owner side")
    )
    owner_organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        Organisation.objects.filter(kind__in=["ministry", "agency"]).order_by("name"),
        required=False,
        label=_("Owner organisation"),
    )
    responsible: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        Person.objects.order_by("name"), required=False, label=_("Responsible person")
    )
    due_date = forms.DateField(label=_("Due date"), widget=DATE_INPUT)
    status = forms.ChoiceField(
        label=pgettext_lazy("action item", "Status"), choices=ActionStatus.choices
    )
    done_date = forms.DateField(label=_("Done on"), required=False, widget=DATE_INPUT)
    decision = forms.TypedChoiceField(
        label=_("Decision"), required=False, coerce=int, empty_value=None
    )
    project_codes = ProjectCodesField()

    def __init__(
        self, *args: Any, session: CommitteeSession, user: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["decision"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (decision.pk, f"{session.number}/{decision.number}")
            for decision in session.decisions.order_by("number")
        ]

    @staticmethod
    def initial_from(item: ActionItem, user: Any) -> dict[str, Any]:
        return _titles_of(item) | {
            "owner_side": item.owner_side_id,
            "owner_organisation": item.owner_organisation_id,
            "responsible": item.responsible_id,
            "due_date": item.due_date,
            "status": item.status,
            "done_date": item.done_date,
            "decision": item.decision_id,
            "project_codes": _codes(item, user),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation = data.get("owner_organisation")
        if (
            organisation
            and data.get("owner_side")
            and organisation.side_id != data["owner_side"].pk
        ):
            self.add_error("owner_organisation", _("The organisation belongs to the other side."))
        if data.get("status") == ActionStatus.DONE and not data.get("done_date"):
            self.add_error("done_date", _("Say when the action item was done."))
        return data


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=pgettext_lazy("action item", "Status"),
        choices=[("", _("Any")), ("open_any", _("Open or in progress")), *ActionStatus.choices],
        required=False,
    )
    side: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        Country.objects.all(), required=False, label=_("Owner side"), to_field_name="code"
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("due_date", _("Due date")),
            ("-due_date", _("Due date, latest first")),
            ("reference", _("Reference")),
            ("-reference", _("Reference, latest first")),
        ],
        required=False,
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Confidential note (your side only)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class BriefingForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    file_format = forms.ChoiceField(label=_("Format"), choices=BriefingFormat.choices)
    as_of = forms.DateField(label=_("As of"), widget=DATE_INPUT)


class MinutesLanguagesForm(forms.Form):
    lang = forms.MultipleChoiceField(
        label=_("Languages side by side"),
        choices=[(language, LANGUAGE_NAMES[language]) for language in DECISION_LANGUAGES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def languages(self) -> list[str]:
        chosen = self.cleaned_data.get("lang") if self.is_valid() else None
        return [lang for lang in DECISION_LANGUAGES if lang in (chosen or DECISION_LANGUAGES)]
