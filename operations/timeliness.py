"""更新监测: the province's rules, and which nodes are behind them.

A node is behind a rule when nothing new was published (anywhere on its site, or in
the rule's column) for the rule's number of working days, counted on the centre's
calendar; a node younger than that is not judged yet. The province edits the rules
(更新规则, a snippet only its webmaster may change). Evaluating reads only the
public schema (ColumnActivity, written by operations.scanning), so it runs daily for
the whole network in one pass per rule.
"""

from datetime import datetime, time

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from network.models import Node
from workdays.calendar import working_days_before

from .models import ColumnActivity, Staleness, TimelinessRule


def deadline(rule: TimelinessRule, today) -> datetime:
    """The start of the day `working_days` working days before today: a node with
    nothing first published since is behind."""
    day = working_days_before(today, rule.working_days)
    return timezone.make_aware(datetime.combine(day, time.min))


def behind(rule: TimelinessRule, today) -> dict[int, object]:
    """{node id: its last publication (None: never)} of the nodes behind the rule."""
    since = deadline(rule, today)
    nodes = Node.objects.filter(created_at__lt=since)
    if rule.level:
        nodes = nodes.filter(level=rule.level)
    activity = ColumnActivity.objects.filter(node__in=nodes)
    if rule.column_title:
        activity = activity.filter(column_title=rule.column_title)
    rows = (
        activity.values("node_id")
        .annotate(last=Max("last_published_at"))
        .filter(Q(last__lt=since) | Q(last__isnull=True))
    )
    return {row["node_id"]: row["last"] for row in rows.order_by()}


def evaluate(today=None) -> tuple[int, int]:
    """Bring Staleness up to date for every rule; returns (new, cleared). New rows
    have no reminder yet (operations.reminders sends them)."""
    today = today or timezone.localdate()
    new = cleared = 0
    for rule in TimelinessRule.objects.all():
        found = behind(rule, today)
        with transaction.atomic():
            existing = Staleness.objects.filter(rule=rule)
            cleared += existing.exclude(node_id__in=found).delete()[0]
            known = set(existing.values_list("node_id", flat=True))
            fresh = [
                Staleness(node_id=node_id, rule=rule, last_published_at=last, found_on=today)
                for node_id, last in found.items()
                if node_id not in known
            ]
            Staleness.objects.bulk_create(fresh, batch_size=2000)
            new += len(fresh)
    return new, cleared
