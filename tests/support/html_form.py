"""What a browser would submit from a page's form, read from the HTML the server sent.

Tests that post a form as it was rendered (not its ``initial`` data) catch values the browser
would drop: a date input whose value is not ``yyyy-mm-dd`` is shown empty and submitted empty,
as Chromium does.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _FormReader(HTMLParser):
    def __init__(self, form_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_class = form_class
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.select_multiple = False
        self.select_first: str | None = None
        self.select_chosen = False
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and self.form_class in attributes.get("class", "").split():
            self.inside = True
        if not self.inside or "disabled" in attributes:
            return
        name = attributes.get("name", "")
        if tag == "input" and name:
            self._input(name, attributes)
        elif tag == "select" and name:
            self.select, self.select_multiple = name, "multiple" in attributes
            self.select_first, self.select_chosen = None, False
        elif tag == "option" and self.select:
            value = attributes.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in attributes:
                self.fields.append((self.select, value))
                self.select_chosen = True
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def _input(self, name: str, attributes: dict[str, str]) -> None:
        kind = attributes.get("type", "text")
        value = attributes.get("value", "")
        if kind in ("checkbox", "radio"):
            if "checked" in attributes:
                self.fields.append((name, value or "on"))
        elif kind == "date":
            self.fields.append((name, value if ISO_DATE.match(value) else ""))
        elif kind not in ("submit", "button", "file"):
            self.fields.append((name, value))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            # A single select with nothing marked selected submits its first option.
            if (
                not self.select_multiple
                and not self.select_chosen
                and self.select_first is not None
            ):
                self.fields.append((self.select, self.select_first))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text += data


def submitted(html: str, form_class: str) -> dict[str, list[str]]:
    """The name → values a browser posts from the form with class ``form_class``."""
    reader = _FormReader(form_class)
    reader.feed(html)
    values: dict[str, list[str]] = {}
    for name, value in reader.fields:
        values.setdefault(name, []).append(value)
    return values
