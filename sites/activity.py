"""How lively each node's site is: live articles and the last publish time.

The provincial centre watches for stale sites with these figures; they are
refreshed in the background, one schema at a time.
"""

from django.db import connection
from django.db.models import Count, Max
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page

from network.models import Node

from .models import ArticlePage, HomePage


def collect_site_activity() -> dict[str, tuple[int, object]]:
    """In the current schema: {node code: (live article count, last article date)}.

    One grouped query for all the schema's sites: every home page sits directly
    under the root, so an article's site is the first two steps of its tree path.
    """
    home_path_length = 2 * Page.steplen
    homes = dict(HomePage.objects.values_list("path", "node_code"))
    activity = dict.fromkeys(homes.values(), (0, None))
    rows = (
        ArticlePage.objects.live()
        .annotate(home_path=Substr("path", 1, home_path_length))
        .values("home_path")
        .annotate(count=Count("pk"), last=Max("date"))
        .order_by()
    )
    for row in rows:
        if row["home_path"] in homes:
            activity[homes[row["home_path"]]] = (row["count"], row["last"])
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
