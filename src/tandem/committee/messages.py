"""What a briefing job reports while it runs, by code (see :mod:`tandem.core.messages`).

The pack is written in its own language, but whoever follows the job reads the step in theirs:
the job keeps the step's code, never the text ("Running: PDFを作成中" on an English page before).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

BRIEFING_STEPS = {
    "history": _("Reading the registry's status history"),
    "charts": _("Drawing the charts"),
    "writing": _("Writing the pack"),
    "pdf": _("Making the PDF"),
}

#: Why a briefing job failed, when tandem knows (a crash keeps its technical text).
BRIEFING_ERRORS = {
    "given_up": _(
        "The task worker stopped while making this pack (it was stopped, or lost its "
        "database) %(count)d times: given up. Ask for the pack again."
    ),
}
