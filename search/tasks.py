"""Indexing in the background; tasks run in the schema of the site that sent them."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django_tenants.utils import schema_context

from network.models import Tenant
from sites.models import ArticlePage

from .catchup import catch_up_here
from .indexing import index_articles, remove_pages_here

# The database being restarted is worth waiting for; anything else is a bug to see.
# Pauses stay under the broker's visibility timeout (settings); what is still lost,
# the beat's catch-up finds.
_WAIT_FOR_THE_DATABASE = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 20,
    "max_retries": 30,
}


@shared_task(acks_late=True, **_WAIT_FOR_THE_DATABASE)
def index_pages(page_ids: list[int]) -> int:
    """(Re)index articles of this schema, or drop those no longer public; idempotent.
    Returns how many are in the index afterwards."""
    articles = list(ArticlePage.objects.filter(pk__in=page_ids).select_related("cover_image"))
    remove_pages_here(set(page_ids) - {article.pk for article in articles})
    return index_articles(articles)


@shared_task(**_WAIT_FOR_THE_DATABASE)
def catch_up_index() -> dict[str, int]:
    """Beat: index what a lost task left out and drop what should have gone, schema by
    schema (see search.catchup)."""
    totals = {"indexed": 0, "removed": 0}
    schemas = Tenant.objects.filter(nodes__isnull=False).distinct().values_list("schema_name")
    for (schema_name,) in schemas:
        with schema_context(schema_name):
            indexed, removed = catch_up_here()
        totals["indexed"] += indexed
        totals["removed"] += removed
    return totals


@shared_task(bind=True, max_retries=5, acks_late=True)
def remove_from_elasticsearch(self, node_code: str, page_id: int) -> None:
    # the Elasticsearch client is 25 MB: imported where the cluster is used
    from .elastic import delete_action, send

    try:
        send([delete_action(node_code, page_id)])
    except Exception as error:  # the cluster is down: try again later
        raise self.retry(exc=error, countdown=10 * 2**self.request.retries) from error
