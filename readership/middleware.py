"""Count a reader's view of an article after the page has been sent."""

from .counting import is_reader, record_view


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
            response._resource_closers.append(lambda: record_view(*counted))
        return response
