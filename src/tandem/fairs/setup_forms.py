"""Forms of the organisers' set-up page; each ``save`` calls the matching service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.actors import Actor
from tandem.core.enums import Language
from tandem.core.models import Organisation
from tandem.core.widgets import IsoDateInput, IsoDateTimeInput
from tandem.fairs.models import Fair, FairParticipant, Interpreter, MeetingSlot, MeetingTable
from tandem.fairs.selectors.agenda import slot_options
from tandem.fairs.services.setup import (
    fair_set_deadlines,
    interpreter_add,
    meeting_day_add,
    participant_register,
    tables_add,
)

SLOTS_HELP = _("Tick none to mean every slot.")


class MeetingDayForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=IsoDateInput())
    first_start = forms.TimeField(
        label=_("First slot starts"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    last_end = forms.TimeField(
        label=_("Last slot ends by"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    length_minutes = forms.IntegerField(
        label=_("Slot length (minutes)"), min_value=5, max_value=240, initial=30
    )
    gap_minutes = forms.IntegerField(
        label=_("Gap between slots (minutes)"), min_value=0, max_value=120, initial=0
    )
    break_start = forms.TimeField(
        label=_("Break from"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    break_end = forms.TimeField(
        label=_("Break until"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("break_start"), data.get("break_end")
        if (start is None) != (end is None):
            raise forms.ValidationError(_("Give both ends of the break, or neither."))
        if start is not None and end is not None and end <= start:
            raise forms.ValidationError(_("The break must end after it starts."))
        return data

    def save(self, fair: Fair, actor: Actor) -> list[MeetingSlot]:
        data = self.cleaned_data
        breaks = [(data["break_start"], data["break_end"])] if data.get("break_start") else []
        return meeting_day_add(
            fair=fair,
            day=data["day"],
            first_start=data["first_start"],
            last_end=data["last_end"],
            length_minutes=data["length_minutes"],
            gap_minutes=data["gap_minutes"],
            breaks=breaks,
            actor=actor,
        )


class TablesForm(forms.Form):
    count = forms.IntegerField(label=_("Tables to add"), min_value=1, max_value=500, initial=10)

    def save(self, fair: Fair, actor: Actor) -> list[MeetingTable]:
        return tables_add(fair=fair, count=self.cleaned_data["count"], actor=actor)


class _SlotsMixin(forms.Form):
    available_slots = forms.ModelMultipleChoiceField(
        queryset=MeetingSlot.objects.none(),
        required=False,
        label=_("Available in"),
        help_text=SLOTS_HELP,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        choices=Language.choices,
        label=_("Languages spoken"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, fair: Fair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fair = fair
        slots = self.fields["available_slots"]
        slots.queryset = MeetingSlot.objects.filter(fair=fair)  # type: ignore[attr-defined]
        labels = dict(slot_options(fair))
        slots.label_from_instance = lambda slot: labels.get(slot.pk, slot.code)  # type: ignore[attr-defined]


class ParticipantForm(_SlotsMixin):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    is_exhibitor = forms.BooleanField(required=False, label=_("Exhibitor"))
    booth = forms.CharField(required=False, max_length=40, label=_("Booth"))
    company_profile_ref = forms.CharField(
        required=False, max_length=60, label=_("Company profile (matchmaking id)")
    )

    field_order = ["organisation", "is_exhibitor", "booth", "languages", "available_slots"]

    def __init__(self, *args: Any, fair: Fair, **kwargs: Any) -> None:
        super().__init__(*args, fair=fair, **kwargs)
        registered = FairParticipant.objects.filter(fair=fair, organisation__isnull=False)
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            kind__in=("company", "enterprise", "university", "association")
        ).exclude(pk__in=registered.values("organisation_id"))

    def save(self, fair: Fair, actor: Actor) -> FairParticipant:
        data = self.cleaned_data
        return participant_register(
            fair=fair,
            organisation=data["organisation"],
            is_exhibitor=data["is_exhibitor"],
            booth=data["booth"],
            languages=data["languages"],
            available_slots=data["available_slots"],
            company_profile_ref=data["company_profile_ref"],
            actor=actor,
        )


class InterpreterForm(_SlotsMixin):
    name = forms.CharField(max_length=200, label=_("Name"))

    field_order = ["name", "languages", "available_slots"]

    def save(self, fair: Fair, actor: Actor) -> Interpreter:
        data = self.cleaned_data
        return interpreter_add(
            fair=fair,
            name=data["name"],
            languages=data["languages"],
            available_slots=data["available_slots"],
            actor=actor,
        )


class DeadlinesForm(forms.ModelForm[Fair]):
    class Meta:
        model = Fair
        fields = ["request_deadline", "scheduling_deadline", "request_expiry_days"]
        widgets = {
            "request_deadline": IsoDateTimeInput(),
            "scheduling_deadline": IsoDateTimeInput(),
        }

    def __init__(self, *args: Any, fair: Fair, **kwargs: Any) -> None:
        kwargs["instance"] = fair
        super().__init__(*args, **kwargs)

    def save(self, fair: Fair, actor: Actor) -> Fair:  # type: ignore[override]
        data = self.cleaned_data
        return fair_set_deadlines(
            fair=fair,
            request_deadline=data["request_deadline"],
            scheduling_deadline=data["scheduling_deadline"],
            request_expiry_days=data["request_expiry_days"],
            actor=actor,
        )


#: The forms of the set-up page by the ``form`` value they post; each has ``save(fair, actor)``.
SETUP_FORMS: dict[str, Any] = {
    "day": MeetingDayForm,
    "tables": TablesForm,
    "participant": ParticipantForm,
    "interpreter": InterpreterForm,
    "deadlines": DeadlinesForm,
}
NEEDS_FAIR = frozenset({"participant", "interpreter", "deadlines"})
