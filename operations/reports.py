"""统计分析, the read side: a node's figures over a period, by level and by branch,
from the NodeMonth rows of the node and its children (and Staleness for who is
behind now). A province page reads 1 + 16 rows a month, whatever the network's size."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count
from django.db.models.functions import Substr

from network.exports import as_text, xlsx_bytes
from network.levels import Level
from network.models import Node

from .models import NodeMonth, Staleness
from .statistics import month_start

PERIODS = {"month": ("本月", 1), "quarter": ("近三个月", 3), "year": ("近十二个月", 12)}
LABELS = {
    "sites": "站点数", "articles": "发稿数", "submitted": "报送", "accepted": "采用",
    "returned": "退稿", "rate": "采用率", "pushes": "下发", "reached": "下发覆盖站点",
    "reads": "阅读次数", "behind": "未按时更新站点", "messages": "收到留言",
    "overdue_messages": "留言逾期",
}  # fmt: skip


@dataclass
class Row:
    label: str
    figures: Counter = field(default_factory=Counter)
    node: Node | None = None

    @property
    def rate(self) -> str:
        decided = self.figures["accepted"] + self.figures["returned"]
        return f"{self.figures['accepted'] * 100 / decided:.0f}%" if decided else "—"

    def cells(self) -> list:
        return [self.rate if name == "rate" else self.figures[name] for name in LABELS]


def months_of(period: str, today: date) -> list[date]:
    count = PERIODS.get(period, PERIODS["month"])[1]
    month, months = month_start(today), []
    for _ in range(count):
        months.append(month)
        month = month_start(month - timedelta(days=1))
    return sorted(months)


def _summed(levels: dict) -> Counter:
    """A NodeMonth's figures by level, added up over the levels."""
    total = Counter()
    for counts in levels.values():
        total.update(counts)
    return total


@dataclass
class Report:
    node: Node
    months: list[date]
    total: Row
    by_level: list[Row]
    branches: list[Row]
    per_month: list[tuple[date, int, int]]  # (month, articles, reads) of the subtree

    def workbook(self) -> bytes:
        period = f"{self.months[0]:%Y-%m} 至 {self.months[-1]:%Y-%m}"
        rows = [[f"{self.node.name} 统计分析（{period}）"], ["范围", *LABELS.values()]]
        rows += [[as_text(row.label), *row.cells()]
                 for row in [self.total, *self.by_level, *self.branches]]  # fmt: skip
        return xlsx_bytes([("统计分析", rows)])


def report(node: Node, months: list[date]) -> Report:
    rows = NodeMonth.objects.filter(month__in=months)
    children = list(node.get_children().order_by("path"))
    mine = list(rows.filter(node=node).values_list("month", "levels"))
    by_level, per_month = {}, []
    for month, levels in sorted(mine):
        total = _summed(levels)
        per_month.append((month, total["articles"], total["reads"]))
        for level, counts in levels.items():
            by_level.setdefault(level, Counter()).update(counts)
    behind = _behind_by_level(node)
    total = Row("合计")
    level_rows = []
    for value, label in Level.choices:
        if value in by_level:
            counts = by_level[value]
            counts["sites"] = mine[-1][1].get(value, {}).get("sites", 0) if mine else 0
            counts["behind"] = behind.get(value, 0)
            level_rows.append(Row(label, counts))
            total.figures.update(counts)
    branch = {child.pk: Row(child.name, node=child) for child in children}
    latest = {}
    for pk, month, levels in rows.filter(node__in=children).values_list("node", "month", "levels"):
        branch[pk].figures.update(_summed(levels))
        latest[pk] = max(latest.get(pk, (month, levels)), (month, levels), key=lambda x: x[0])
    for pk, (_, levels) in latest.items():
        branch[pk].figures["sites"] = _summed(levels)["sites"]
    behind_below = _behind_by_branch(node)
    for child in children:
        branch[child.pk].figures["behind"] = behind_below.get(child.path, 0)
    return Report(node, months, total, level_rows, list(branch.values()), per_month)


def _behind_by_branch(node: Node) -> dict[str, int]:
    """{child's path: nodes behind in its subtree}, in one query."""
    width = (node.depth + 1) * Node.steplen
    rows = (
        Staleness.objects.filter(node__path__startswith=node.path, node__depth__gt=node.depth)
        .annotate(branch=Substr("node__path", 1, width))
        .values("branch")
        .annotate(n=Count("node", distinct=True))
        .order_by()
    )
    return {row["branch"]: row["n"] for row in rows}


def _behind_by_level(node: Node) -> dict[str, int]:
    rows = (
        Staleness.objects.filter(node__path__startswith=node.path)
        .values("node__level")
        .annotate(n=Count("node", distinct=True))
        .order_by()
    )
    return {row["node__level"]: row["n"] for row in rows}
