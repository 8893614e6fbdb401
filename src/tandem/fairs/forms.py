"""Forms of the fairs pages: a meeting request, a hand move, a schedule run."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.fairs.enums import Priority, RequestStatus
from tandem.fairs.models import FairParticipant, Interpreter, MeetingSlot, MeetingTable
from tandem.fairs.services.schedules import MAX_TIME_LIMIT


class MeetingRequestForm(forms.Form):
    sender = forms.ModelChoiceField(
        queryset=FairParticipant.objects.none(), label=pgettext_lazy("meeting request", "From")
    )
    receiver = forms.ModelChoiceField(
        queryset=FairParticipant.objects.none(), label=pgettext_lazy("meeting request", "To")
    )
    priority = forms.TypedChoiceField(
        choices=Priority.choices, coerce=int, initial=Priority.NORMAL, label=_("Priority")
    )
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label=_("Message")
    )

    def __init__(self, *args: Any, senders: Any, receivers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sender"].queryset = senders  # type: ignore[attr-defined]
        self.fields["receiver"].queryset = receivers  # type: ignore[attr-defined]
        if senders.count() == 1:
            self.fields["sender"].initial = senders.first()


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *RequestStatus.choices], required=False, label=_("Status")
    )


def _slot_label(slot: MeetingSlot, zone: str) -> str:
    start = timezone.localtime(slot.start, timezone=ZoneInfo(zone))
    end = timezone.localtime(slot.end, timezone=ZoneInfo(zone))
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


class MoveForm(forms.Form):
    slot = forms.ModelChoiceField(queryset=MeetingSlot.objects.none(), label=_("Slot"))
    table = forms.ModelChoiceField(
        queryset=MeetingTable.objects.none(),
        required=False,
        label=_("Table"),
        empty_label=_("first free table (or the booth)"),
    )
    interpreter = forms.ModelChoiceField(
        queryset=Interpreter.objects.none(),
        required=False,
        label=_("Interpreter"),
        empty_label=_("first suitable free interpreter, if needed"),
    )

    def __init__(self, *args: Any, fair: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot_field = self.fields["slot"]
        slot_field.queryset = MeetingSlot.objects.filter(fair=fair)  # type: ignore[attr-defined]
        slot_field.label_from_instance = lambda s: _slot_label(s, fair.time_zone)  # type: ignore[attr-defined]
        self.fields["table"].queryset = MeetingTable.objects.filter(fair=fair)  # type: ignore[attr-defined]
        self.fields["interpreter"].queryset = Interpreter.objects.filter(fair=fair)  # type: ignore[attr-defined]


class ComputeForm(forms.Form):
    time_limit = forms.FloatField(
        min_value=1, max_value=MAX_TIME_LIMIT, initial=20, label=_("Time limit (seconds)")
    )
    seed = forms.IntegerField(min_value=0, initial=0, label=_("Seed"))


class AvailabilityForm(forms.Form):
    """The slots in which a participant can meet; every slot ticked means the whole fair
    (including slots added later)."""

    slots = forms.TypedMultipleChoiceField(
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        label=_("Available in"),
        error_messages={"required": _("Tick at least one slot.")},
    )

    def __init__(self, *args: Any, fair: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.slot_rows = list(MeetingSlot.objects.filter(fair=fair).order_by("start"))
        field = self.fields["slots"]
        field.choices = [  # type: ignore[attr-defined]
            (slot.pk, _slot_label(slot, fair.time_zone)) for slot in self.slot_rows
        ]

    def chosen_slots(self) -> list[MeetingSlot]:
        """The ticked slots, or none (= every slot) when all are ticked."""
        chosen = set(self.cleaned_data["slots"])
        if chosen >= {slot.pk for slot in self.slot_rows}:
            return []
        return [slot for slot in self.slot_rows if slot.pk in chosen]
