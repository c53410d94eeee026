"""Which backend answers searches, and keeping Elasticsearch in step when it does.

Removals are sent to the worker by task name, so the index never imports the tasks
that consume it (search.tasks imports the indexing).
"""

from dataclasses import dataclass

from celery import current_app
from django.conf import settings

from .query import COUNT_CAP, FEW, ResultPage


def uses_elasticsearch() -> bool:
    return settings.XFNET_SEARCH_BACKEND == "elasticsearch"


@dataclass
class Found:
    """A page of results and what the page says about them."""

    page: ResultPage
    total: int  # matches as typed, capped at COUNT_CAP + 1 on PostgreSQL
    words_apart: int  # more holding the query's words apart (shown below)

    @property
    def more(self) -> bool:
        return self.total > COUNT_CAP


def results_for(search, number: int = 1, size: int = 20) -> Found:
    """Page `number` of a search; documents holding the query's words apart follow
    the matches when there are fewer than FEW of them."""
    if uses_elasticsearch():
        # the Elasticsearch client is 25 MB: imported where the cluster is used
        from .elastic import ElasticResults, count_matches

        total, apart = count_matches(search)
        apart = apart if total < FEW else 0
        results = ElasticResults(search, with_words_apart=apart > 0)
        # Elasticsearch pages end at 10,000 hits (index.max_result_window)
        number = max(1, min(number, -(-min(total + apart, 10_000) // size)))
        rows = results[(number - 1) * size : number * size + 1]
        page = ResultPage(number, size, rows[:size], len(rows) > size, total + apart)
        return Found(page, total, apart)
    page, total, apart = search.find(number, size)
    page.total = total + apart if max(total, apart) <= COUNT_CAP else None
    return Found(page, total, apart)


def mirror(entries) -> None:
    """Send entries to Elasticsearch (PostgreSQL is the record)."""
    if uses_elasticsearch() and entries:
        # the Elasticsearch client is 25 MB: imported where the cluster is used
        from .elastic import index_action, send

        send([index_action(entry) for entry in entries])


def unmirror(node_code: str, page_id: int) -> None:
    if uses_elasticsearch():
        current_app.send_task("search.tasks.remove_from_elasticsearch", args=[node_code, page_id])
