"""哀悼日置灰: the province turns the whole network grey, and back, in one action."""

from django.core.cache import caches
from django.utils import timezone

from .levels import Level
from .models import NetworkMode, Node
from .roles import user_may_manage_members

CACHE_KEY = "xfnet:mourning"


def is_mourning() -> bool:
    """Read on every uncached page view, so kept in the page cache between changes."""
    cache = caches["pages"]
    value = cache.get(CACHE_KEY)
    if value is None:
        value = NetworkMode.current().mourning
        cache.set(CACHE_KEY, value, timeout=None)
    return value


def may_set_mourning(user) -> bool:
    """The provincial centre: superusers and the province's webmasters."""
    if user.is_superuser:
        return True
    province = Node.objects.filter(level=Level.PROVINCE, depth=1).first()
    return province is not None and user_may_manage_members(user, province)


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
