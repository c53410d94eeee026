"""How lively each node's site is: live articles and the last publish time.

The provincial centre watches for stale sites with these figures; they are
refreshed in the background, one schema at a time.
"""

from django.db import connection
from django.db.models import Count, Max
from django.utils import timezone

from sites.models import ArticlePage, HomePage

from .models import Node


def collect_site_activity() -> dict[str, tuple[int, object]]:
    """In the current schema: {node code: (live article count, last article date)}."""
    activity = {}
    for home in HomePage.objects.only("pk", "path", "depth", "node_code"):
        stats = (
            ArticlePage.objects.live()
            .descendant_of(home)
            .aggregate(count=Count("pk"), last=Max("date"))
        )
        activity[home.node_code] = (stats["count"], stats["last"])
    return activity


def refresh_schema_activity(schema_name: str) -> int:
    """Store the current schema's figures on its nodes; returns how many nodes changed."""
    if connection.schema_name != schema_name:
        raise RuntimeError(
            f"expected schema {schema_name}, connection is on {connection.schema_name}"
        )
    now = timezone.now()
    updated = 0
    for code, (count, last) in collect_site_activity().items():
        updated += Node.objects.filter(code=code).update(
            article_count=count, last_published_at=last, activity_refreshed_at=now
        )
    return updated
