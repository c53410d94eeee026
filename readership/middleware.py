"""Count a reader's view of an article after the page has been sent.

A page marks its response (`count_view_of`); the page cache keeps the mark, so a
cached view counts too. The middleware, outside the cache, hands the view to the
`request_finished` signal, which Django sends when the server closes the response:
the insert runs after the reader has the page, outside the request's transaction.
Behind nginx's micro-cache (XFNET_READ_LOG set) it only marks the response, and every
read is counted from nginx's log instead (readership.read_log), once.
"""

import logging
import threading

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, close_old_connections, connection

from .counting import is_reader, record_view
from .read_log import mark_read

logger = logging.getLogger(__name__)
# A server thread closes the response it served before it serves the next one.
_finished = threading.local()


def count_view_of(response, node, page_id: int):
    """Mark a page response as one view of `page_id` on `node` (kept in the page cache)."""
    response.counted_page = (node.pk, page_id)
    return response


class ReadCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        counted = getattr(response, "counted_page", None)
        if counted is not None and settings.XFNET_READ_LOG:
            mark_read(response, *counted)
        elif (
            counted is not None
            and request.method == "GET"
            and response.status_code == 200
            and is_reader(request.headers.get("User-Agent", ""))
        ):
            _finished.view = counted
        return response


def record_view_when_sent(sender, **kwargs):
    view = getattr(_finished, "view", None)
    if view is not None:
        _finished.view = None
        record_view_if_possible(*view)
        # Django's own receiver, which ran before this one, closed the request's
        # connection; close the one the insert opened as it would have (a test's
        # transaction is left alone, as Django's test client leaves it).
        if not connection.in_atomic_block:
            close_old_connections()


request_finished.connect(record_view_when_sent, dispatch_uid="readership_count_view")


def record_view_if_possible(node_id: int, page_id: int) -> None:
    """A view of a page served from the cache while the database restarts is not
    counted; the reader already has the page, and nothing else is lost."""
    try:
        record_view(node_id, page_id)
    except DatabaseError:
        logger.warning("view of page %s not counted: database unreachable", page_id)
