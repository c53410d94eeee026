"""Page events reach the index: publishing is indexed by a task, leaving is immediate
(a page that stopped being public must not be found while a task waits)."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from .indexing import remove_page_here


def _is_article(sender) -> bool:
    from sites.models import ArticlePage

    return issubclass(sender, ArticlePage)


def on_published(sender, instance, **kwargs):
    if _is_article(sender):
        from .tasks import index_page

        page_id = instance.pk
        transaction.on_commit(lambda: index_page.delay(page_id))


def on_left(sender, instance, **kwargs):
    if _is_article(sender):
        remove_page_here(instance.pk)


page_published.connect(on_published, dispatch_uid="search_published")
page_unpublished.connect(on_left, dispatch_uid="search_unpublished")
post_delete.connect(on_left, dispatch_uid="search_deleted")
