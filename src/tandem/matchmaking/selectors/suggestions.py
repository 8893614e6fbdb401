"""Suggestions as a reader sees them: partners, scores and reasons in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from tandem.matchmaking.matching.phrases import split_phrases
from tandem.matchmaking.models import CompanyProfile, Suggestion


@dataclass(frozen=True)
class ShownReason:
    their_phrase: str
    our_phrase: str
    their_original: str
    our_original: str
    direction: str
    similarity: float


@dataclass(frozen=True)
class ShownSuggestion:
    rank: int
    candidate: CompanyProfile
    score: float
    reasons: list[ShownReason]


def phrase_in(profile: CompanyProfile, field: str, phrase: str, language: str) -> str:
    """``phrase`` of the company's own text, in ``language`` where a translation lines up.

    Both texts are split the way the matcher splits them; when they give as many phrases,
    the phrase at the same position is its translation. Otherwise the original is shown.
    """
    if language == profile.language:
        return phrase
    translation = str(getattr(profile, f"{field}_{language}", "") or "").strip()
    if not translation:
        return phrase
    original = split_phrases(profile.own_text(field), profile.language)
    translated = split_phrases(translation, language)
    if phrase in original and len(original) == len(translated):
        return translated[original.index(phrase)]
    return phrase


def shown_suggestions(profile: CompanyProfile, language: str) -> list[ShownSuggestion]:
    rows = (
        Suggestion.objects.filter(profile=profile)
        .select_related("candidate__country", "candidate__region")
        .order_by("rank")
    )
    shown = []
    for row in rows:
        candidate = row.candidate
        reasons = []
        for reason in row.reasons:
            offered = reason["direction"] == "they_offer_you_seek"
            their_field, our_field = ("offers", "seeks") if offered else ("seeks", "offers")
            reasons.append(
                ShownReason(
                    their_phrase=phrase_in(
                        candidate, their_field, reason["their_phrase"], language
                    ),
                    our_phrase=phrase_in(profile, our_field, reason["our_phrase"], language),
                    their_original=reason["their_phrase"],
                    our_original=reason["our_phrase"],
                    direction=reason["direction"],
                    similarity=float(reason["similarity"]),
                )
            )
        shown.append(ShownSuggestion(row.rank, candidate, row.score, reasons))
    return shown
