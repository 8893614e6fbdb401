"""``tandem demo-press``: ingest the illustrative articles in press/data/demo (idempotent)."""

from __future__ import annotations

from importlib import resources

from tandem.core.actors import Actor
from tandem.press.models import Article
from tandem.press.services.ingest import article_ingest


def demo_press_create(*, actor: Actor) -> dict[str, int]:
    stored = 0
    folder = resources.files("tandem.press.data").joinpath("demo")
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if not item.name.endswith(".txt"):
            continue
        result = article_ingest(
            content=item.read_bytes(), name=item.name, source="tandem demo", actor=actor
        )
        if result.created:
            Article.objects.filter(pk=result.article.pk).update(is_illustrative=True)
            stored += 1
    return {"press articles": Article.objects.filter(is_illustrative=True).count(), "new": stored}
