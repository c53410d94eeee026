"""Rebuilding the index for one node or the whole network, resumably."""

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node
from sites.lookup import home_path
from sites.models import ArticlePage
from sites.visibility import public_pages

from . import dictionary
from .backend import mirror
from .indexing import entry_fields
from .models import IndexedNode, SearchEntry


def reindex_node(node: Node) -> int:
    """Index every public article of the node's site; drop entries of the rest."""
    fields_by_page = {}
    with schema_context(node.tenant.schema_name):
        articles = public_pages(ArticlePage.objects.filter(path__startswith=home_path(node)))
        for article in articles.select_related("cover_image").iterator(chunk_size=200):
            fields_by_page[article.pk] = entry_fields(article, node)
    with transaction.atomic():
        SearchEntry.objects.filter(node=node).exclude(page_id__in=fields_by_page).delete()
        existing = {
            e.page_id: e for e in SearchEntry.objects.filter(node=node, page_id__in=fields_by_page)
        }
        new, changed = [], []
        for page_id, fields in fields_by_page.items():
            entry = existing.get(page_id) or SearchEntry(node=node, page_id=page_id)
            for name, value in fields.items():
                setattr(entry, name, value)
            (changed if entry.pk else new).append(entry)
        SearchEntry.objects.bulk_create(new, batch_size=500)
        SearchEntry.objects.bulk_update(changed, list(entry_fields_names()), batch_size=500)
        mirror(list(SearchEntry.objects.filter(node=node).select_related("node")))
        IndexedNode.objects.update_or_create(
            node=node,
            defaults={"dictionary_version": dictionary.version(), "finished_at": timezone.now()},
        )
    return len(fields_by_page)


def entry_fields_names():
    return (
        "level", "column_page_id", "column_title", "title", "url_path", "summary", "text",
        "date", "grams", "words", "dictionary_version",
    )  # fmt: skip


def nodes_to_reindex(*, resume: bool, code: str | None = None):
    nodes = Node.objects.select_related("tenant").exclude(root_page_id=None).order_by("path")
    if code:
        nodes = nodes.filter(path__startswith=Node.objects.get(code=code).path)
    if resume:
        done = IndexedNode.objects.filter(dictionary_version=dictionary.version())
        nodes = nodes.exclude(pk__in=done.values("node"))
    return nodes


def start_full_reindex(code: str | None = None) -> None:
    """Forget which nodes were done, so a later --resume continues this run."""
    done = IndexedNode.objects.all()
    if code:
        done = done.filter(node__path__startswith=Node.objects.get(code=code).path)
    done.delete()
