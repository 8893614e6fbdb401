"""Company profiles as the matcher sees them, and their JSONL input format.

One JSON object per line::

    {"id": "jp-001", "country": "JP", "language": "ja", "name": "...", "region": "Niigata",
     "industry": "C28", "offers": "...", "seeks": "...", "size": "small"}

``region`` and ``industry`` (an ISIC Rev.4 division such as ``"C28"``) may be missing or null.
``size`` is a category (micro, small, medium, large) or a head count (``95``), mapped to its
category: micro under 10 people, small under 50, medium under 250, else large.
Errors are raised as :class:`ProfileError` and name the 1-based line number.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGES = ("ja", "ru", "en")
SIZES = ("micro", "small", "medium", "large")
# A head count below each limit is that category; 250 people or more is large.
SIZE_LIMITS = ((10, "micro"), (50, "small"), (250, "medium"))
REQUIRED_FIELDS = ("id", "country", "language", "name", "offers", "seeks", "size")
OPTIONAL_FIELDS = ("region", "industry")
_COUNTRY_RE = re.compile(r"^[A-Za-z]{2}$")
MAX_TEXT_CHARS = 5000


class ProfileError(ValueError):
    """Invalid profile input; ``line`` is the 1-based JSONL line when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        self.detail = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    id: str
    country: str
    language: str
    name: str
    region: str | None
    industry: str | None
    offers: str
    seeks: str
    size: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "country": self.country,
            "language": self.language,
            "name": self.name,
            "region": self.region,
            "industry": self.industry,
            "offers": self.offers,
            "seeks": self.seeks,
            "size": self.size,
        }


def _text(data: Mapping[str, Any], field: str, line: int | None, *, empty_ok: bool) -> str:
    value = data.get(field)
    if not isinstance(value, str):
        kind = "missing" if value is None else f"a {type(value).__name__}, not a string"
        raise ProfileError(f"field {field!r} is {kind}", line)
    value = value.strip()
    if not value and not empty_ok:
        raise ProfileError(f"field {field!r} is empty", line)
    if len(value) > MAX_TEXT_CHARS:
        raise ProfileError(f"field {field!r} is longer than {MAX_TEXT_CHARS} characters", line)
    return value


def _optional(data: Mapping[str, Any], field: str, line: int | None) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ProfileError(f"field {field!r} must be a string or null", line)
    return value.strip() or None


def size_category(head_count: int) -> str:
    """The SME category of a number of people employed (the EU's thresholds): micro under 10,
    small under 50, medium under 250, else large."""
    if head_count < 0:
        raise ValueError("a head count is 0 or more")
    for limit, category in SIZE_LIMITS:
        if head_count < limit:
            return category
    return "large"


def normalise_size(value: Any) -> str:
    """A size as people keep it: a category (``"small"``), or a head count (``95``, ``"95"``,
    ``"1,200"``) mapped to its category. Raises ``ValueError`` with a one-line reason."""
    if isinstance(value, bool) or value is None:
        raise ValueError("is missing" if value is None else "must be a category or a head count")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"must be a head count of 0 or more, got {value}")
        return size_category(value)
    if not isinstance(value, str):
        raise ValueError(f"must be one of {', '.join(SIZES)} or a head count, got {value!r}")
    text = value.strip().lower()
    digits = text.replace(",", "").replace(" ", "").replace("\u00a0", "")
    if digits.isdigit():
        return size_category(int(digits))
    if text not in SIZES:
        raise ValueError(f"must be one of {', '.join(SIZES)} or a head count, got {value!r}")
    return text


def _size(value: Any, line: int | None) -> str:
    try:
        return normalise_size(value)
    except ValueError as error:
        raise ProfileError(f"field 'size' {error}", line) from None


def profile_from_dict(data: Any, line: int | None = None) -> CompanyProfile:
    """Validate one decoded JSON object; raises :class:`ProfileError`."""
    if not isinstance(data, dict):
        raise ProfileError(f"expected a JSON object, got {type(data).__name__}", line)
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    if missing:
        raise ProfileError("missing field(s): " + ", ".join(missing), line)
    pid = _text(data, "id", line, empty_ok=False)
    country = _text(data, "country", line, empty_ok=False)
    if not _COUNTRY_RE.match(country):
        raise ProfileError(f"field 'country' must be a 2-letter code, got {country!r}", line)
    language = _text(data, "language", line, empty_ok=False).lower()
    if language not in LANGUAGES:
        raise ProfileError(
            f"field 'language' must be one of {', '.join(LANGUAGES)}, got {language!r}", line
        )
    size = _size(data.get("size"), line)
    offers = _text(data, "offers", line, empty_ok=True)
    seeks = _text(data, "seeks", line, empty_ok=True)
    if not offers and not seeks:
        raise ProfileError("fields 'offers' and 'seeks' are both empty", line)
    return CompanyProfile(
        id=pid,
        country=country.upper(),
        language=language,
        name=_text(data, "name", line, empty_ok=False),
        region=_optional(data, "region", line),
        industry=_optional(data, "industry", line),
        offers=offers,
        seeks=seeks,
        size=size,
    )


def parse_profile_line(text: str, line: int) -> CompanyProfile | None:
    """Parse one JSONL line; blank lines give ``None``."""
    if not text.strip():
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"invalid JSON ({exc.msg} at column {exc.colno})", line) from None
    return profile_from_dict(data, line)


def iter_profiles(lines: Iterable[str]) -> Iterator[CompanyProfile]:
    """Parse JSONL lines, rejecting duplicate ids."""
    first_seen: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        profile = parse_profile_line(text, number)
        if profile is None:
            continue
        if profile.id in first_seen:
            raise ProfileError(
                f"duplicate id {profile.id!r} (first seen on line {first_seen[profile.id]})",
                number,
            )
        first_seen[profile.id] = number
        yield profile


def read_profiles(path: str | Path) -> list[CompanyProfile]:
    """Read a JSONL file of profiles. ``OSError`` and :class:`ProfileError` propagate."""
    with open(path, encoding="utf-8") as handle:
        try:
            return list(iter_profiles(handle))
        except UnicodeDecodeError as exc:
            raise ProfileError(f"file is not valid UTF-8 ({exc.reason})") from None
