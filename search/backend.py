"""Which backend answers searches, and keeping Elasticsearch in step when it does.

Removals are sent to the worker by task name, so the index never imports the tasks
that consume it (search.tasks imports the indexing).
"""

from celery import current_app
from django.conf import settings

from .elastic import ElasticResults, index_action, send
from .query import COUNT_CAP, RANKED_CANDIDATES, CappedCount


def uses_elasticsearch() -> bool:
    return settings.XFNET_SEARCH_BACKEND == "elasticsearch"


def results_for(search):
    """(results, total): a sliceable, countable sequence of SearchEntry for the
    Paginator, and how many match (PostgreSQL counts up to COUNT_CAP + 1)."""
    if uses_elasticsearch():
        results = ElasticResults(search)
        return results, results.count()
    total = search.total()
    listed = min(total, COUNT_CAP if search.newest_first else RANKED_CANDIDATES)
    return CappedCount(search.entries(), listed), total


def mirror(entries) -> None:
    """Send entries to Elasticsearch (PostgreSQL is the record)."""
    if uses_elasticsearch() and entries:
        send([index_action(entry) for entry in entries])


def unmirror(node_code: str, page_id: int) -> None:
    if uses_elasticsearch():
        current_app.send_task("search.tasks.remove_from_elasticsearch", args=[node_code, page_id])
