"""Sums for the admin: views per site over the nodes an account looks after."""

from datetime import timedelta

from django.db.models import Q, Sum
from django.utils import timezone

from network.models import Node

from .models import PageViews, SiteDailyViews


def site_totals(nodes) -> list[dict]:
    """Per node: all-time, last 30 days, last 7 days and today (China time)."""
    today = timezone.localdate()
    ids = [node.pk for node in nodes]
    sums = {
        row["node_id"]: row
        for row in SiteDailyViews.objects.filter(node_id__in=ids)
        .values("node_id")
        .annotate(
            total=Sum("views"),
            month=Sum("views", filter=Q(day__gt=today - timedelta(days=30))),
            week=Sum("views", filter=Q(day__gt=today - timedelta(days=7))),
            today=Sum("views", filter=Q(day=today)),
        )
    }
    empty = {"total": 0, "month": 0, "week": 0, "today": 0}
    return [
        {"node": node, **{k: (sums.get(node.pk, {}).get(k) or 0) for k in empty}} for node in nodes
    ]


def most_read(node: Node, count: int = 20):
    """The node's most read pages: [(page_id, views)]."""
    return list(
        PageViews.objects.filter(node=node)
        .order_by("-views")
        .values_list("page_id", "views")[:count]
    )
