"""What the 更新监测 screens and the dashboard read: a node's own columns, who is
behind below it, and its site's problems. Reads only; every query is over the public
schema and bounded by the node's subtree."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from network.models import Node

from .models import ColumnActivity, SiteProblem, Staleness

LIST_LIMIT = 200


@dataclass
class Behind:
    node: Node
    rule: object
    last_published_at: object
    found_on: object

    @property
    def days_since(self) -> int | None:
        if self.last_published_at is None:
            return None
        return (timezone.localdate() - timezone.localdate(self.last_published_at)).days


def own_columns(node: Node) -> list[ColumnActivity]:
    return list(ColumnActivity.objects.filter(node=node).order_by("column_page_id"))


def last_update(columns: list[ColumnActivity]):
    """The newest publication among a node's columns (own_columns)."""
    return max((c.last_published_at for c in columns if c.last_published_at), default=None)


def own_staleness(node: Node) -> list[Staleness]:
    return list(Staleness.objects.filter(node=node).select_related("rule"))


def _below(node: Node):
    """Stalenesses of the nodes under this one (not its own)."""
    return Staleness.objects.filter(node__path__startswith=node.path).exclude(node=node)


def behind_below(node: Node, limit: int = LIST_LIMIT) -> tuple[list[Behind], int]:
    """(up to `limit` stalenesses in the node's subtree, oldest publication first;
    how many there are in all)."""
    rows = _below(node)
    total = rows.count()
    found = rows.select_related("node", "rule").order_by("last_published_at", "node__path")
    listed = [
        Behind(row.node, row.rule, row.last_published_at, row.found_on) for row in found[:limit]
    ]
    return listed, total


def behind_by_level(node: Node) -> dict[str, int]:
    """{level: nodes behind at least one rule} below the node."""
    rows = _below(node).values("node__level").annotate(n=Count("node", distinct=True))
    return {row["node__level"]: row["n"] for row in rows.order_by()}


def problems_of(node: Node, limit: int = LIST_LIMIT) -> list[SiteProblem]:
    return list(SiteProblem.objects.filter(node=node).order_by("kind", "page_id")[:limit])
