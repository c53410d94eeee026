"""Serve a reader's repeat visit from the cache, per host and path."""

import hashlib

from django.conf import settings
from django.utils.cache import patch_cache_control

from .generations import page_cache, tokens_for

# Only these query parameters change a cached page; any other makes the request
# uncached (so random parameters cannot fill the cache).
KEYED_PARAMETERS = {"page"}
# Paths that are never cached: the admin, per-user or per-query pages, served files.
UNCACHED_PREFIXES = ("/admin/", "/search/", "/documents/", "/static/", "/media/")


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
    """Let nginx keep this page for a second (shared caches only; browsers ask again).
    Only pages this module caches say so: whatever it refuses, nginx refuses too."""
    patch_cache_control(response, max_age=0, s_maxage=settings.XFNET_EDGE_CACHE_SECONDS)
    return response


class PageCacheMiddleware:
    """Whole public pages, keyed by host, path and the generation tokens of the scopes
    that can change them (see pagecache.generations). nginx keeps them for a second
    more in front (deploy/nginx/xfnet.conf), told so by `allow_edge_cache`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request, tokens_for(request.node))
        cache = page_cache()
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            allow_edge_cache(response)
            cache.set(key, response, timeout=settings.XFNET_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
