"""统计分析, the write side: every node's figures for a month, summed by level over
its subtree, recomputed from the public schema alone (the ledger, the read counts,
the scan's monthly article counts and the message board's history). Beat runs it for
the current month after each scan; a page view only reads the rows (operations.reports)."""

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from messageboard.models import MessageStep, StepKind
from network.models import Node
from readership.models import SiteDailyViews
from syndication.models import Push, Submission, SubmissionState

from .models import NodeMonth, SiteMonth


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def _bounds(month: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(month, time.min), zone)
    return start, timezone.make_aware(datetime.combine(next_month(month), time.min), zone)


def _grouped(queryset, by: str, value=None) -> dict[int, int]:
    rows = queryset.values(by).annotate(n=value or Count("pk")).order_by()
    return {row[by]: row["n"] or 0 for row in rows}


def own_figures(month: date) -> dict[int, Counter]:
    """{node id: its own figures for the month}, one grouped query per figure."""
    start, end = _bounds(month)
    submitted = Submission.objects.filter(created_at__gte=start, created_at__lt=end)
    decided = Submission.objects.filter(decided_at__gte=start, decided_at__lt=end)
    pushes = Push.objects.filter(created_at__gte=start, created_at__lt=end)
    reads = SiteDailyViews.objects.filter(day__gte=month, day__lt=next_month(month))
    steps = MessageStep.objects.filter(at__gte=start, at__lt=end)
    columns = {
        "articles": _grouped(SiteMonth.objects.filter(month=month), "node_id", Sum("articles")),
        "submitted": _grouped(submitted, "from_node_id"),
        "accepted": _grouped(decided.filter(state=SubmissionState.ACCEPTED), "from_node_id"),
        "returned": _grouped(decided.filter(state=SubmissionState.RETURNED), "from_node_id"),
        "pushes": _grouped(pushes, "from_node_id"),
        "reached": _grouped(pushes, "from_node_id", Sum("reach")),
        "reads": _grouped(reads, "node_id", Sum("views")),
        # 网络直通车: messages left on the node's site, and those it let run overdue
        "messages": _grouped(steps.filter(kind=StepKind.POSTED), "node_id"),
        "overdue_messages": _grouped(steps.filter(kind=StepKind.ESCALATED), "node_id"),
    }
    figures = defaultdict(Counter)
    for figure, by_node in columns.items():
        for node_id, n in by_node.items():
            if n:
                figures[node_id][figure] = n
    return figures


def refresh_month(month: date) -> int:
    """Rewrite every node's row for the month; returns how many nodes."""
    month = month_start(month)
    own = own_figures(month)
    nodes = list(Node.objects.values_list("pk", "path", "depth", "level"))
    by_path = {path: pk for pk, path, _, _ in nodes}
    levels: dict[int, defaultdict] = {pk: defaultdict(Counter) for pk, *_ in nodes}
    # deepest first: each node adds its levels into its parent's
    for pk, path, depth, level in sorted(nodes, key=lambda row: -row[2]):
        mine = Counter(own.get(pk, {}))
        mine["sites"] = 1
        levels[pk][level].update(mine)
        parent = by_path.get(path[: (depth - 1) * Node.steplen]) if depth > 1 else None
        if parent is not None:
            for parent_level, counts in levels[pk].items():
                levels[parent][parent_level].update(counts)
    rows = [
        NodeMonth(
            node_id=pk,
            month=month,
            levels={level: dict(counts) for level, counts in levels[pk].items()},
        )
        for pk, *_ in nodes
    ]
    with transaction.atomic():
        NodeMonth.objects.filter(month=month).delete()
        NodeMonth.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def refresh_current(today: date | None = None) -> int:
    """This month, and the last one during the first days (late decisions, reads)."""
    today = today or timezone.localdate()
    month = month_start(today)
    done = refresh_month(month)
    if today.day <= 3:
        previous = month_start(month - timedelta(days=1))
        refresh_month(previous)
    return done
