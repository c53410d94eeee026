"""Page events reach the index: publishing is indexed by a task, leaving is immediate
(a page that stopped being public must not be found while a task waits)."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from sites.lookup import is_article

from .indexing import remove_page_here


def _article_ids_below(page) -> list[int]:
    from sites.models import ArticlePage

    return list(ArticlePage.objects.descendant_of(page).values_list("pk", flat=True))


def on_published(sender, instance, **kwargs):
    from .tasks import index_page

    # a column or a whole site coming back brings its live articles back too
    page_ids = [instance.pk] if is_article(sender) else _article_ids_below(instance)
    transaction.on_commit(lambda: [index_page.delay(page_id) for page_id in page_ids])


def on_unpublished(sender, instance, **kwargs):
    page_ids = [instance.pk] if is_article(sender) else _article_ids_below(instance)
    for page_id in page_ids:
        remove_page_here(page_id)


def on_deleted(sender, instance, **kwargs):
    if is_article(sender):
        remove_page_here(instance.pk)


page_published.connect(on_published, dispatch_uid="search_published")
page_unpublished.connect(on_unpublished, dispatch_uid="search_unpublished")
post_delete.connect(on_deleted, dispatch_uid="search_deleted")
