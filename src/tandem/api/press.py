"""API of the press monitor, mounted under /api/v1/: articles and their facts, the review
queue, and ingesting an article's text. Programme staff read; the secretariat and
coordinators ingest (tandem.press.rules)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from tandem.api.errors import unprocessable
from tandem.api.paging import page_slice
from tandem.api.schemas import responses
from tandem.api.security import require
from tandem.core.actors import signed_in
from tandem.press.models import Article, Proposal
from tandem.press.selectors.articles import search_articles
from tandem.press.services.ingest import article_ingest

router = Router(tags=["press"])
MAX_LIMIT = 200


class ArticleOut(Schema):
    id: int
    headline: str
    language: str
    published: dt.date | None
    source: str
    format: str


class ArticleDetailOut(ArticleOut):
    text: str
    facts: dict[str, Any]


class ArticleIn(Schema):
    text: str
    source: str = ""
    published: dt.date | None = None


class IngestOut(Schema):
    created: bool
    article: ArticleDetailOut


class ProposalOut(Schema):
    id: int
    article: int
    kind: str
    title: str
    payload: dict[str, Any]
    status: str


class ArticleFilter(Schema):
    q: str = ""
    limit: int = 50
    offset: int = 0


class ProposalFilter(Schema):
    status: str = "pending"
    limit: int = 50
    offset: int = 0


def _window(limit: int, offset: int) -> slice:
    return page_slice(limit=limit, offset=offset, most=MAX_LIMIT)


def _article(article: Article) -> ArticleOut:
    return ArticleOut(
        id=article.pk,
        headline=article.headline,
        language=article.language,
        published=article.published,
        source=article.source,
        format=article.kind,
    )


def _detail(article: Article) -> ArticleDetailOut:
    facts = {k: v for k, v in article.facts.items() if k != "dates"}
    return ArticleDetailOut(**_article(article).model_dump(), text=article.text, facts=facts)


@router.get(
    "/press/articles",
    response=responses(list[ArticleOut], codes=(401, 403, 422)),
    summary="Press articles, newest first; q searches the text and names in three languages",
)
@require("press.view_press")
def list_articles(request: HttpRequest, filters: Query[ArticleFilter]) -> list[ArticleOut]:
    window = _window(filters.limit, filters.offset)
    return [_article(a) for a in search_articles(filters.q)[window]]


@router.get(
    "/press/articles/{pk}",
    response=responses(ArticleDetailOut, codes=(401, 403, 404)),
    summary="One article with its facts: people, organisations, places, events, figures, themes",
)
@require("press.view_press")
def get_article(request: HttpRequest, pk: int) -> ArticleDetailOut:
    article = Article.objects.filter(pk=pk).first()
    if article is None:
        raise HttpError(404, "No such article.")
    return _detail(article)


@router.post(
    "/press/articles",
    response=responses(IngestOut, codes=(401, 403, 422), ok_code=201) | {200: IngestOut},
    summary="Ingest an article's text (200 with the stored article when it is a duplicate)",
)
@require("press.ingest_article")
def create_article(request: HttpRequest, payload: ArticleIn) -> Status[IngestOut]:
    if len(payload.text.encode("utf-8")) > 5 * 1024 * 1024:
        raise HttpError(422, "The text is larger than 5 MB.")
    try:
        result = article_ingest(
            text=payload.text,
            source=payload.source,
            published=payload.published,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    body = IngestOut(created=result.created, article=_detail(result.article))
    return Status(201 if result.created else 200, body)


@router.get(
    "/press/proposals",
    response=responses(list[ProposalOut], codes=(401, 403, 422)),
    summary="Proposals for the registry raised by articles (pending, approved or rejected)",
)
@require("press.view_press")
def list_proposals(request: HttpRequest, filters: Query[ProposalFilter]) -> list[ProposalOut]:
    window = _window(filters.limit, filters.offset)
    rows = Proposal.objects.filter(status=filters.status)[window]
    return [
        ProposalOut(
            id=p.pk,
            article=p.article_id,
            kind=p.kind,
            title=p.title,
            payload=p.payload,
            status=p.status,
        )
        for p in rows
    ]
