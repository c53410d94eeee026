"""Counting attempts in a window, network-wide: what the public forms' rate limits and
caps share (the "pages" cache is keyed without the schema, so a flood spread over
many sites is counted as one)."""

from django.core.cache import caches


def count_in_window(key: str, seconds: int) -> int:
    """Count one more for `key`; the window starts at the first (one round trip then)."""
    cache = caches["pages"]
    if cache.add(key, 1, seconds):
        return 1
    return cache.incr(key)
