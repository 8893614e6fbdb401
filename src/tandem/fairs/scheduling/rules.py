"""The business rules shared by the solver, the baseline and the validator.

* **Booth.** A meeting with an exhibitor is held at the exhibitor's booth and takes no table.
  When both sides are exhibitors the meeting is held at the *receiver's* booth (the side that
  accepted the request hosts it). Any other meeting takes a free table.
* **Languages.** Two sides share a language when their listed language sets intersect. A
  participant with no languages listed shares none with anybody, except with another participant
  who lists none either (both unknown: assumed to manage without help). A meeting whose sides share
  no language needs an interpreter who speaks at least one language of *each* side; so a meeting
  between a participant who lists no language and one who lists some can never be given an
  interpreter and stays unscheduled with a reason that says so.
* **A fair without interpreters.** Organisers who do not manage interpretation through tandem
  list no interpreters: then no meeting waits for one. Meetings whose sides share no language
  are scheduled like any other and flagged (:attr:`Meeting.language_gap`) so that the agendas
  say the two sides need to bring their own interpretation. As soon as the fair lists one
  interpreter, the rule above applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Interpreter, Participant


def booth_host(sender: Participant, receiver: Participant) -> Participant | None:
    """The exhibitor whose booth hosts the meeting, or ``None`` when a table is needed."""
    if receiver.exhibitor:
        return receiver
    if sender.exhibitor:
        return sender
    return None


def needs_interpreter(a: Participant, b: Participant) -> bool:
    if not a.languages and not b.languages:
        return False
    return not (a.languages & b.languages)


def interpreter_required(
    interpreters: Sequence[Interpreter], a: Participant, b: Participant
) -> bool:
    """The meeting may only be held with one of the fair's interpreters: the sides share no
    language and the fair lists interpreters (a fair listing none leaves it to the sides)."""
    return bool(interpreters) and needs_interpreter(a, b)


def can_interpret(interpreter: Interpreter, a: Participant, b: Participant) -> bool:
    return bool(interpreter.languages & a.languages) and bool(interpreter.languages & b.languages)


def language_label(a: Participant, b: Participant) -> str:
    """A short label such as ``ja/ru`` or ``en+ja/ru`` for reasons and messages."""

    def side(p: Participant) -> str:
        return "+".join(sorted(p.languages)) if p.languages else "(none listed)"

    left, right = sorted((side(a), side(b)))
    return f"{left}/{right}"
