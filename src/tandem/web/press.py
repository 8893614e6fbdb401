"""Pages of the press monitor (included under /press/ by tandem.web.urls).

Programme staff read; the secretariat and coordinators ingest articles and decide the
proposals they raise (see tandem.press.rules and docs/press.md).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required
from tandem.press.forms import DecideForm, IngestForm, SearchForm
from tandem.press.models import Article, Proposal
from tandem.press.selectors.articles import (
    ENTITY_FIELDS,
    article_context,
    mentions_by_month,
    mentions_of,
    pending_proposals,
    search_articles,
)
from tandem.press.services.ingest import article_ingest
from tandem.press.services.proposals import proposal_approve, proposal_reject

VIEW = "press.view_press"
INGEST = "press.ingest_article"
REVIEW = "press.review_proposal"
PAGE_SIZE = 25


@permission_required(VIEW)
def press_home(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(search_articles(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/press/home.html",
        {
            "form": form,
            "query": query,
            "page": page,
            "query_string": f"q={query}" if query else "",
            "can_ingest": check(request.user, INGEST),
            "pending": pending_proposals().count(),
            "shows_illustrative": any(a.is_illustrative for a in page),
        },
    )


@permission_required(INGEST)
def press_ingest(request: HttpRequest) -> HttpResponse:
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            result = article_ingest(
                text=form.cleaned_data.get("text") or "",
                content=upload.read() if upload else None,
                name=upload.name if upload else "",
                source=form.cleaned_data.get("source") or "",
                published=form.cleaned_data.get("published"),
                actor=signed_in(request.user),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if result.created:
                messages.success(request, _("The article was stored and read."))
            else:
                messages.info(request, _("This article was already stored; here it is."))
            return HttpResponseRedirect(reverse("web:press_article", args=[result.article.pk]))
    return render(
        request,
        "web/press/ingest.html",
        {"form": form, "title": _("Add a press article")},
    )


@permission_required(VIEW)
def press_article(request: HttpRequest, pk: int) -> HttpResponse:
    article = Article.objects.filter(pk=pk).first()
    if article is None:
        raise Http404(_("No such article."))
    context = article_context(article)
    context["can_review"] = check(request.user, REVIEW)
    context["shows_illustrative"] = (
        article.is_illustrative
        or any(
            getattr(m.person or m.organisation, "is_illustrative", False)
            for m in context["mentions"]
        )
        or any(p.is_illustrative for c in context["claims"] for p in c.projects.all())
    )
    return render(request, "web/press/article.html", context)


@permission_required(VIEW)
def press_review(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    proposals = Proposal.objects.select_related("article", "decided_by")
    if status in ("pending", "approved", "rejected"):
        proposals = proposals.filter(status=status)
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/press/review.html",
        {
            "page": page,
            "status": status,
            "query_string": f"status={status}",
            "can_review": check(request.user, REVIEW),
            "shows_illustrative": any(p.article.is_illustrative for p in page),
        },
    )


@require_POST
@permission_required(REVIEW)
def press_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = Proposal.objects.filter(pk=pk).first()
    if proposal is None:
        raise Http404(_("No such proposal."))
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The decision could not be read."))
    else:
        try:
            if form.cleaned_data["decision"] == "approve":
                proposal_approve(
                    proposal=proposal,
                    actor=signed_in(request.user),
                    side=form.cleaned_data["side"] or None,
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("Approved."))
            else:
                proposal_reject(
                    proposal=proposal, actor=signed_in(request.user), note=form.cleaned_data["note"]
                )
                messages.success(request, _("Rejected."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(reverse("web:press_review"))


@permission_required(VIEW)
def press_mentions(request: HttpRequest, entity: str, pk: int) -> HttpResponse:
    if entity not in ENTITY_FIELDS:
        raise Http404(_("No such kind of record."))
    mentions = mentions_of(entity, pk)
    rows = list(mentions)
    if not rows:
        raise Http404(_("No article mentions this record."))
    first = rows[0]
    record: Any = getattr(first, ENTITY_FIELDS[entity])
    return render(
        request,
        "web/press/mentions.html",
        {
            "record": record,
            "entity": entity,
            "mentions": rows,
            "by_month": mentions_by_month(mentions),
            "shows_illustrative": bool(getattr(record, "is_illustrative", False)),
        },
    )


urlpatterns: list[URLPattern] = [
    path("", press_home, name="press_home"),
    path("ingest/", press_ingest, name="press_ingest"),
    path("articles/<id:pk>/", press_article, name="press_article"),
    path("review/", press_review, name="press_review"),
    path("review/<id:pk>/decide/", press_decide, name="press_decide"),
    path("mentions/<str:entity>/<id:pk>/", press_mentions, name="press_mentions"),
]
