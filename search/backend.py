"""Which backend answers searches, and keeping Elasticsearch in step when it does."""

from django.conf import settings


def uses_elasticsearch() -> bool:
    return settings.XFNET_SEARCH_BACKEND == "elasticsearch"


def results_for(search):
    """A sliceable, countable sequence of SearchEntry for the Paginator."""
    if uses_elasticsearch():
        from .elastic import ElasticResults

        return ElasticResults(search)
    return search.entries()


def mirror(entries) -> None:
    """Send entries to Elasticsearch (PostgreSQL is the record)."""
    if uses_elasticsearch() and entries:
        from .elastic import index_action, send

        send([index_action(entry) for entry in entries])


def unmirror(node_code: str, page_id: int) -> None:
    if uses_elasticsearch():
        from .tasks import remove_from_elasticsearch

        remove_from_elasticsearch.delay(node_code, page_id)
