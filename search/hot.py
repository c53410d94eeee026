"""热门搜索: the queries readers made most over the last days, on a site or across
the network; read side of search.counting. A query appears only once it was searched
MIN_SEARCHES times, so nothing one reader typed is shown to the next."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from .models import QueryCount

DAYS = 30
MIN_SEARCHES = 3
CACHE_SECONDS = 600


def hot_searches(node=None, limit: int = 10) -> list[str]:
    """The most searched queries of the last DAYS days (the node's site, or all)."""
    key = f"xfsearch:hot:{node.pk if node is not None else 'all'}:{limit}"
    found = cache.get(key)
    if found is None:
        found = _count(node, limit)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _count(node, limit: int) -> list[str]:
    counts = QueryCount.objects.filter(day__gte=timezone.localdate() - timedelta(days=DAYS))
    if node is not None:
        counts = counts.filter(node=node)
    return list(
        counts.values("query")
        .annotate(searches=Sum("count"))
        .filter(searches__gte=MIN_SEARCHES)
        .order_by("-searches", "query")
        .values_list("query", flat=True)[:limit]
    )
