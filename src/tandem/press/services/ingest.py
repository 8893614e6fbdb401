"""Ingest an article: keep the original, read its facts, link them to records, check its
figures against the registry, and queue proposals for what the registry does not know."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tandem.core.actors import Actor, acting_as, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.history import create_rows, delete_rows
from tandem.press.enums import ArticleKind, MentionKind, ProposalKind, Verdict
from tandem.press.extraction import Facts, extract, read_bytes
from tandem.press.extraction.reading import ArticleError
from tandem.press.extraction.text import normalise, text_hash_basis
from tandem.press.models import Article, FigureClaim, Mention, Proposal
from tandem.press.selectors.gazetteer import registry_gazetteer
from tandem.press.services.linking import LinkedFacts, link_facts


@dataclass
class Ingested:
    article: Article
    created: bool


def text_hash(text: str) -> str:
    return hashlib.sha256(text_hash_basis(text).encode("utf-8")).hexdigest()


def read_upload(content: bytes, name: str) -> tuple[str, str, dt.date | None]:
    """(text, kind, published) of an uploaded file; ValidationError when unreadable or over
    the limits of reading a document. Never inside a transaction (it may take seconds)."""
    try:
        article = read_bytes(content, name)
    except ArticleError as error:
        raise ValidationError(str(error)) from error
    if not article.text.strip():
        raise ValidationError("The file holds no text.")
    return article.text, article.kind, article.published


def stored_facts(linked: LinkedFacts) -> dict[str, Any]:
    """What the article keeps: the command's JSON and where each date stands in the text."""
    dates = [
        {"start": d.span[0], "end": d.span[1], "date": d.date.isoformat()}
        for d in linked.facts.dates
    ]
    return linked.as_json() | {"dates": dates}


def extract_linked(text: str, published: dt.date | None = None) -> LinkedFacts:
    """The facts of ``text``, linked to records and figures checked: what the command prints."""
    facts = extract(text, published=published, gazetteer=registry_gazetteer())
    return link_facts(facts)


def article_ingest(
    *,
    text: str = "",
    content: bytes | None = None,
    name: str = "",
    source: str = "",
    published: dt.date | None = None,
    actor: Actor,
) -> Ingested:
    """Store an article (pasted ``text`` or a file's ``content``) unless the same text is
    already stored, in which case that article is returned with ``created`` False.

    The file is read and its facts extracted first, with no transaction open; only the
    writes are one transaction."""
    kind: str = ArticleKind.PASTE
    meta_date = None
    if content is not None:
        text, kind, meta_date = read_upload(content, name)
    text = normalise(text)
    if not text.strip():
        raise ValidationError("The article has no text.")
    fingerprint = text_hash(text)
    existing = Article.objects.filter(text_hash=fingerprint).first()
    if existing is not None:
        return Ingested(existing, False)
    linked = extract_linked(text, published or meta_date)
    return _article_store(
        text=text,
        kind=kind,
        fingerprint=fingerprint,
        linked=linked,
        content=content,
        name=name,
        source=source,
        actor=actor,
    )


@transaction.atomic
def _article_store(
    *,
    text: str,
    kind: str,
    fingerprint: str,
    linked: LinkedFacts,
    content: bytes | None,
    name: str,
    source: str,
    actor: Actor,
) -> Ingested:
    existing = Article.objects.filter(text_hash=fingerprint).first()
    if existing is not None:  # stored meanwhile by another request
        return Ingested(existing, False)
    facts = linked.facts
    article = Article(
        headline=(facts.headline or text.split("\n", 1)[0])[:500],
        text=text,
        language=facts.language,
        published=facts.published,
        source=source[:300],
        kind=kind,
        original_name=name[:255],
        text_hash=fingerprint,
        facts=stored_facts(linked),
        ingested_by=actor_user(actor),
    )
    if content is not None:
        article.original.save(name or f"article.{kind}", ContentFile(content), save=False)
    save_with_actor(article, actor)
    _store_facts(article, linked, actor)
    return Ingested(article, True)


def _store_facts(article: Article, linked: LinkedFacts, actor: Actor) -> None:
    facts: Facts = linked.facts
    rows: list[Mention] = []
    for person, record in zip(facts.people, linked.people, strict=True):
        rows.append(
            Mention(
                article=article,
                kind=MentionKind.PERSON,
                name=person.name[:300],
                key=person.key or "",
                detail={"role": person.role, "country": person.country},
                spans=[list(s) for s in person.spans],
                person_id=record,
            )
        )
    for organisation, record in zip(facts.organisations, linked.organisations, strict=True):
        key = organisation.key or ""
        rows.append(
            Mention(
                article=article,
                kind=MentionKind.ORGANISATION,
                name=organisation.name[:300],
                key=key,
                spans=[list(s) for s in organisation.spans],
                organisation_id=record if key.startswith("organisation:") else None,
                detail={"committee": record} if key.startswith("committee:") else {},
            )
        )
    for place, record in zip(facts.places, linked.places, strict=True):
        rows.append(
            Mention(
                article=article,
                kind=MentionKind.PLACE,
                name=place.name[:300],
                key=place.key or "",
                spans=[list(s) for s in place.spans],
                region_id=record,
            )
        )
    for event, record in zip(facts.events, linked.events, strict=True):
        rows.append(
            Mention(
                article=article,
                kind=MentionKind.EVENT,
                name=event.name or event.kind,
                key=event.key or "",
                detail={"kind": event.kind, "number": event.number, "place": event.place},
                spans=[list(s) for s in event.spans],
                date=event.date,
                session_id=record if event.kind == "session" else None,
                fair_id=record if event.kind == "fair" else None,
            )
        )
    for code, record in zip(facts.themes, linked.themes, strict=True):
        rows.append(
            Mention(
                article=article,
                kind=MentionKind.THEME,
                name=code,
                key=f"area:{code}",
                plan_area_id=record,
            )
        )
    create_rows(Mention, rows, actor=actor)
    for figure, check in zip(facts.figures, linked.figures, strict=True):
        [claim] = create_rows(
            FigureClaim,
            [
                FigureClaim(
                    article=article,
                    subject=figure.subject,
                    value=figure.value,
                    qualifier=figure.qualifier or "",
                    scope=(figure.scope or "")[:200],
                    region_code=check.region_code,
                    as_of=check.as_of,
                    registry_value=check.registry_value,
                    verdict=check.verdict,
                    difference=check.difference,
                    spans=[list(s) for s in figure.spans],
                )
            ],
            actor=actor,
        )
        if check.project_ids:
            with acting_as(actor):
                claim.projects.set(check.project_ids)
    _propose(article, linked, actor)


def _propose(article: Article, linked: LinkedFacts, actor: Actor) -> None:
    facts = linked.facts
    wanted: list[tuple[str, str, dict[str, Any]]] = []
    for person, record in zip(facts.people, linked.people, strict=True):
        if record is None:
            wanted.append(
                (
                    ProposalKind.PERSON,
                    person.name,
                    {
                        "name": person.name,
                        "role": person.role,
                        "country": person.country,
                        "language": facts.language,
                    },
                )
            )
    for organisation, record in zip(facts.organisations, linked.organisations, strict=True):
        if record is None:
            wanted.append(
                (
                    ProposalKind.ORGANISATION,
                    organisation.name,
                    {"name": organisation.name, "language": facts.language},
                )
            )
    for event, record in zip(facts.events, linked.events, strict=True):
        if event.kind == "session" and event.number and record is None:
            wanted.append(
                (
                    ProposalKind.SESSION,
                    f"Session {event.number}",
                    {
                        "number": event.number,
                        "date": event.date.isoformat() if event.date else None,
                        "place": event.place,
                    },
                )
            )
    for figure, check in zip(facts.figures, linked.figures, strict=True):
        if check.verdict == Verdict.DISAGREES:
            wanted.append(
                (
                    ProposalKind.FIGURE,
                    f"{figure.qualifier or ''} {figure.value} {figure.subject}".strip(),
                    {
                        "subject": figure.subject,
                        "value": figure.value,
                        "qualifier": figure.qualifier,
                        "scope": figure.scope,
                        "registry_value": check.registry_value,
                        "difference": check.difference,
                        "as_of": check.as_of.isoformat() if check.as_of else None,
                    },
                )
            )
    for kind, title, payload in wanted:
        pending = Proposal.objects.filter(
            kind=kind, title__iexact=title[:300], status="pending"
        ).exists()
        if kind != ProposalKind.FIGURE and pending:
            continue
        save_with_actor(
            Proposal(article=article, kind=kind, title=title[:300], payload=payload), actor
        )


def reextract(article: Article, *, actor: Actor) -> Article:
    """Read an article again (after the registry learnt new names)."""
    linked = extract_linked(article.text, article.published)  # before the transaction
    with transaction.atomic():
        delete_rows(article.mentions.all(), actor=actor, reason="read again")
        delete_rows(article.claims.all(), actor=actor, reason="read again")
        article.facts = stored_facts(linked)
        article.updated_at = timezone.now()
        save_with_actor(article, actor, reason="read again")
        _store_facts(article, linked, actor)
    return article
