"""What every file of the portal says about itself: the filter, the time made, the licence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def licence() -> tuple[str, str]:
    """(name, URL) of the licence of the published data."""
    return (
        getattr(settings, "TANDEM_OPEN_DATA_LICENCE", "CC BY 4.0"),
        getattr(
            settings,
            "TANDEM_OPEN_DATA_LICENCE_URL",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
    )


def one_line(text: str) -> str:
    """``text`` with control characters (line breaks among them) made spaces."""
    return CONTROL.sub(" ", text).strip()


@dataclass(frozen=True)
class FileLabel:
    """The label of one file: what it holds, by which filter, when made, under what licence."""

    title: str
    filter_text: str
    query: str
    made: dt.datetime

    def pairs(self) -> list[tuple[str, str]]:
        name, url = licence()
        return [
            (_("Data"), self.title),
            (_("Filter"), one_line(self.filter_text) or _("all public projects")),
            (_("Query"), one_line(self.query) or "-"),
            (_("Made (UTC)"), self.made.strftime("%Y-%m-%dT%H:%M:%SZ")),
            (_("Licence"), f"{name} {url}"),
        ]

    def text(self) -> str:
        return "; ".join(f"{label}: {value}" for label, value in self.pairs())

    def as_dict(self) -> dict[str, str]:
        name, url = licence()
        return {
            "title": self.title,
            "filter": one_line(self.filter_text),
            "query": one_line(self.query),
            "made": self.made.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "licence": name,
            "licence_url": url,
        }
