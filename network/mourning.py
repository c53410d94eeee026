"""哀悼日置灰: the province turns the whole network grey, and back, in one action."""

from django.core.cache import caches
from django.utils import timezone

from .models import NetworkMode
from .roles import user_speaks_for_the_province

CACHE_KEY = "xfnet:mourning"


def is_mourning() -> bool:
    """Read on every uncached page view, so kept in the page cache between changes."""
    cache = caches["pages"]
    value = cache.get(CACHE_KEY)
    if value is None:
        value = NetworkMode.current().mourning
        cache.set(CACHE_KEY, value, timeout=None)
    return value


# the provincial centre: superusers and the province's webmasters
may_set_mourning = user_speaks_for_the_province


def set_mourning(*, user, on: bool) -> NetworkMode:
    """Saving the row clears every cached page and the cached flag (the page cache
    watches the row: pagecache.signals)."""
    if not may_set_mourning(user):
        raise PermissionError("只有省级站长可以切换全网哀悼日置灰。")
    mode = NetworkMode.current()
    mode.mourning = on
    mode.changed_at = timezone.now()
    mode.changed_by = user.get_username()
    mode.save()
    return mode
