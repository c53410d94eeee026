"""Count a reader's view of an article after the page has been sent."""

import logging

from django.db import DatabaseError

from .counting import is_reader, record_view

logger = logging.getLogger(__name__)


def count_view_of(response, node, page_id: int):
    """Mark a page response as one view of `page_id` on `node` (kept in the page cache)."""
    response.counted_page = (node.pk, page_id)
    return response


class ReadCountMiddleware:
    """Outside the page cache, so cached views count too; the insert runs when the
    server closes the response, after the reader has the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        counted = getattr(response, "counted_page", None)
        if (
            counted is not None
            and request.method == "GET"
            and response.status_code == 200
            and is_reader(request.headers.get("User-Agent", ""))
        ):
            response._resource_closers.append(lambda: record_view_if_possible(*counted))
        return response


def record_view_if_possible(node_id: int, page_id: int) -> None:
    """A view of a page served from the cache while the database restarts is not
    counted; the reader already has the page, and nothing else is lost."""
    try:
        record_view(node_id, page_id)
    except DatabaseError:
        logger.warning("view of page %s not counted: database unreachable", page_id)
