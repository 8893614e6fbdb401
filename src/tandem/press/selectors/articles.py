"""Reads of the press monitor: lists, search across languages, mentions over time."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from tandem.core.crosslingual.search import text_alternatives
from tandem.press.enums import ProposalStatus
from tandem.press.models import Article, Mention, Proposal
from tandem.press.selectors.gazetteer import registry_gazetteer

ENTITY_FIELDS = {
    "person": "person",
    "organisation": "organisation",
    "region": "region",
    "session": "session",
    "fair": "fair",
    "area": "plan_area",
}


def search_articles(query: str = "") -> QuerySet[Article]:
    """Articles whose text holds ``query``, or that name an entity whose name in any of the
    three languages is ``query`` (Орешкин finds the English and Japanese articles too)."""
    articles = Article.objects.all()
    query = query.strip()
    if not query:
        return articles
    keys = set()
    for language in ("en", "ja", "ru"):
        for match in registry_gazetteer().find(query, language):
            if match.end - match.start >= len(query) * 0.6:
                keys.add(match.entry.key)
    condition = Q()
    for form in text_alternatives(query):  # its own, romanised, and other languages' names
        condition |= Q(text__icontains=form) | Q(headline__icontains=form)
    if keys:
        condition |= Q(mentions__key__in=keys)
    return articles.filter(condition).distinct()


def pending_proposals() -> QuerySet[Proposal]:
    return Proposal.objects.filter(status=ProposalStatus.PENDING).select_related("article")


def mentions_of(entity: str, record_id: int) -> QuerySet[Mention]:
    field = ENTITY_FIELDS[entity]
    return (
        Mention.objects.filter(**{f"{field}_id": record_id})
        .select_related("article")
        .order_by("article__published", "article_id")
    )


def mentions_by_month(mentions: QuerySet[Mention]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for mention in mentions:
        day = mention.article.published
        counts[day.strftime("%Y-%m") if day else "—"] += 1
    return sorted(counts.items())


def marked_text(article: Article) -> SafeString:
    """The article's text, escaped, with each fact wrapped in <mark class="fact-KIND">."""
    text = article.text
    marks: list[tuple[int, int, str]] = []
    for mention in article.mentions.all():
        marks.extend((s, e, mention.kind) for s, e in mention.spans)
    for claim in article.claims.all():
        marks.extend((s, e, "figure") for s, e in claim.spans)
    for row in article.facts.get("dates", []):
        marks.append((row["start"], row["end"], "date"))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[str] = []
    position = 0
    for start, end, kind in marks:
        if start < position or end > len(text) or start >= end:
            continue
        out.append(html.escape(text[position:start]))
        out.append(f'<mark class="fact fact-{kind}">{html.escape(text[start:end])}</mark>')
        position = end
    out.append(html.escape(text[position:]))
    # every piece of the article's text is escaped above; only the <mark> tags are ours
    return mark_safe("".join(out))  # noqa: S308


def article_context(article: Article) -> dict[str, Any]:
    mentions = list(
        article.mentions.select_related(
            "person", "organisation", "region", "session", "fair", "plan_area"
        )
    )
    return {
        "article": article,
        "marked": marked_text(article),
        "mentions": mentions,
        "claims": list(article.claims.prefetch_related("projects")),
        "proposals": list(article.proposals.all()),
    }
