"""Bringing a schema's index entries in line with its pages, whatever was lost.

Indexing runs in tasks; a task lost with a crashed broker or worker would leave a
published article unfound, or (for a re-check after a move) a private one found.
The beat runs this for every schema: two queries each, whatever the number of
articles, comparing pages with the public schema's entries directly.
"""

from django.db.models import Exists, OuterRef

from sites.models import ArticlePage
from sites.visibility import public_pages

from .indexing import entries_here, index_articles, remove_pages_here


def unindexed_here():
    """Public articles of the current schema with no entry, or one older than their
    last publication."""
    current = entries_here().filter(
        page_id=OuterRef("pk"), indexed_at__gte=OuterRef("last_published_at")
    )
    return public_pages(ArticlePage.objects.all()).exclude(Exists(current))


def stray_page_ids_here() -> list[int]:
    """Pages of the current schema that have an entry but are not public any more."""
    public_ids = public_pages(ArticlePage.objects.all()).values("pk")
    return list(entries_here().exclude(page_id__in=public_ids).values_list("page_id", flat=True))


def catch_up_here() -> tuple[int, int]:
    """(indexed, removed) for the current schema."""
    articles = unindexed_here().select_related("cover_image").iterator(chunk_size=200)
    return index_articles(articles), remove_pages_here(stray_page_ids_here())
