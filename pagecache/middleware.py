"""Serve a reader's repeat visit from the cache, per host and path."""

import hashlib
import time

from django.conf import settings

from network.generations import page_cache, request_tokens

# Only these query parameters change a cached page; any other makes the request
# uncached (so random parameters cannot fill the cache).
KEYED_PARAMETERS = {"page"}
# Paths that are never cached: the admin, per-user or per-query pages, served files.
UNCACHED_PREFIXES = (
    "/admin/", "/search/", "/documents/", "/static/", "/media/", "/my/", "/messages/", "/surveys/",
    "/forum/", "/exams/",
)  # fmt: skip


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and getattr(request, "node", None) is not None
        # An editor who is logged in sees fresh pages (and never fills the cache).
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
        and set(request.GET) <= KEYED_PARAMETERS
    )


def is_cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cookie" not in response.get("Vary", "")
        and "private" not in response.get("Cache-Control", "")
    )


def page_key(request, tokens) -> str:
    raw = "|".join([request.get_host().lower(), request.get_full_path(), *tokens])
    return "xfpage:" + hashlib.sha1(raw.encode()).hexdigest()


def allow_edge_cache(response):
    """Let nginx keep this page until the end of the current second (its clock has
    whole seconds; a relative "1 s" would let a copy live almost 2). Set on every
    answer, cached or not: the time is now's. Only pages this module caches say so,
    and nginx caches nothing else, so whatever this module refuses nginx refuses too.
    nginx does not pass the header on."""
    until = int(time.time()) + settings.XFNET_EDGE_CACHE_SECONDS - 1
    response["X-Accel-Expires"] = f"@{until}"
    return response


class PageCacheMiddleware:
    """Whole public pages, keyed by host, path and the generation tokens of the scopes
    that can change them (see network.generations). nginx keeps them for under a
    second more in front (deploy/nginx/xfnet.conf), told so by `allow_edge_cache`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request, request_tokens(request))
        cache = page_cache()
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return allow_edge_cache(cached)
        response = self.get_response(request)
        if is_cacheable_response(response):
            cache.set(key, response, timeout=settings.XFNET_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
            allow_edge_cache(response)
        return response
