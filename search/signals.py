"""Page events reach the index: publishing is indexed by a task, leaving is immediate
(a page that stopped being public must not be found while a task waits).

Leaving means unpublishing, deleting, or a view restriction put on the page or on a
page above it; a restriction lifted or a page moved is re-checked by the task. What a
lost task leaves behind, the beat's catch-up (search.catchup) finds.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from sites.lookup import article_ids_below, article_ids_restricted_by, is_article

from .indexing import remove_pages_here
from .tasks import index_pages


def _articles_of(sender, page) -> list[int]:
    # a column or a whole site reaches every article below it
    return [page.pk] if is_article(sender) else article_ids_below(page)


def index_after_commit(page_ids: list[int]) -> None:
    if page_ids:
        transaction.on_commit(lambda: index_pages.delay(page_ids))


def on_published(sender, instance, **kwargs):
    index_after_commit(_articles_of(sender, instance))


def on_unpublished(sender, instance, **kwargs):
    remove_pages_here(_articles_of(sender, instance))


def on_deleted(sender, instance, **kwargs):
    if is_article(sender):
        remove_pages_here([instance.pk])


def on_restricted(sender, instance, **kwargs):
    remove_pages_here(article_ids_restricted_by(instance))


def on_restriction_lifted(sender, instance, **kwargs):
    index_after_commit(article_ids_restricted_by(instance))


def on_moved(sender, instance, **kwargs):
    # under a restricted or unpublished column now, or out of one
    index_after_commit(article_ids_below(instance))


page_published.connect(on_published, dispatch_uid="search_published")
page_unpublished.connect(on_unpublished, dispatch_uid="search_unpublished")
post_delete.connect(on_deleted, dispatch_uid="search_deleted")
post_save.connect(on_restricted, sender=PageViewRestriction, dispatch_uid="search_restricted")
post_delete.connect(
    on_restriction_lifted, sender=PageViewRestriction, dispatch_uid="search_restriction_lifted"
)
post_page_move.connect(on_moved, dispatch_uid="search_moved")
