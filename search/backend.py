"""Which backend answers searches, and keeping Elasticsearch in step when it does."""

from django.conf import settings


def uses_elasticsearch() -> bool:
    return settings.XFNET_SEARCH_BACKEND == "elasticsearch"


def results_for(search):
    """(results, total): a sliceable, countable sequence of SearchEntry for the
    Paginator, and how many match (PostgreSQL counts up to COUNT_CAP + 1)."""
    if uses_elasticsearch():
        from .elastic import ElasticResults

        results = ElasticResults(search)
        return results, results.count()
    from .query import COUNT_CAP, RANKED_CANDIDATES, CappedCount

    total = search.total()
    listed = min(total, COUNT_CAP if search.newest_first else RANKED_CANDIDATES)
    return CappedCount(search.entries(), listed), total


def mirror(entries) -> None:
    """Send entries to Elasticsearch (PostgreSQL is the record)."""
    if uses_elasticsearch() and entries:
        from .elastic import index_action, send

        send([index_action(entry) for entry in entries])


def unmirror(node_code: str, page_id: int) -> None:
    if uses_elasticsearch():
        from .tasks import remove_from_elasticsearch

        remove_from_elasticsearch.delay(node_code, page_id)
