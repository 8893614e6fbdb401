from django.db import models
from django.utils.translation import pgettext_lazy


class SessionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("session status", "Planned")
    HELD = "held", pgettext_lazy("session status", "Held")
    CLOSED = "closed", pgettext_lazy("session status", "Closed")
