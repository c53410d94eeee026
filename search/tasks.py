"""Indexing in the background; tasks run in the schema of the site that sent them."""

from celery import shared_task
from django.db import OperationalError

from sites.lookup import node_of_page

from .indexing import index_article, remove_page_here


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5, acks_late=True)
def index_page(page_id: int) -> bool:
    """(Re)index one article of this schema; idempotent. False if it left the index."""
    from sites.models import ArticlePage

    article = ArticlePage.objects.filter(pk=page_id).first()
    if article is None:
        remove_page_here(page_id)
        return False
    return index_article(article, node_of_page(article)) is not None


@shared_task(bind=True, max_retries=5, acks_late=True)
def remove_from_elasticsearch(self, node_code: str, page_id: int) -> None:
    from .elastic import delete_action, send

    try:
        send([delete_action(node_code, page_id)])
    except Exception as error:  # the cluster is down: try again later
        raise self.retry(exc=error, countdown=10 * 2**self.request.retries) from error
