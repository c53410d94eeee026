"""The reply clock: how many working days a node has to answer, and the day that is."""

from datetime import date

from django.conf import settings

from network.models import Node
from workdays.calendar import working_days_after

from .models import ReplyRule


def reply_days(node: Node) -> int:
    """The province's rule for the node's level, else its rule for every level, else
    the setting (XFNET_REPLY_WORKING_DAYS)."""
    rules = dict(
        ReplyRule.objects.filter(level__in=[node.level, ""]).values_list("level", "working_days")
    )
    return rules.get(node.level) or rules.get("") or settings.XFNET_REPLY_WORKING_DAYS


def due_date(node: Node, start: date) -> date:
    return working_days_after(start, reply_days(node))
