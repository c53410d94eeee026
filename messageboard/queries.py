"""网络直通车, the read side: what the public board shows, what a node has to answer
(due and overdue), and what is overdue below a node."""

from datetime import date

from django.db.models import Count, Q, QuerySet

from network.models import Node

from .models import Message, MessageState


def public_answers(node: Node) -> QuerySet:
    """The node's answered messages it chose to show (newest answer first). The
    board lists what its node answered, including what a child referred up."""
    return Message.objects.filter(node=node, state=MessageState.ANSWERED, public=True).order_by(
        "-replied_at", "-pk"
    )


def overdue(messages: QuerySet, today: date) -> QuerySet:
    return messages.filter(state=MessageState.WAITING, due_on__lt=today)


def inbox(node: Node, tab: str, today: date) -> QuerySet:
    """A node's own messages on one tab of its inbox."""
    own = Message.objects.filter(node=node).select_related("origin")
    if tab == "held":
        return own.filter(state=MessageState.HELD).order_by("created_at")
    if tab == "overdue":
        return overdue(own, today).order_by("due_on", "created_at")
    if tab == "answered":
        return own.filter(state=MessageState.ANSWERED).order_by("-replied_at")
    if tab == "hidden":
        return own.filter(state=MessageState.HIDDEN).order_by("-created_at")
    return own.filter(state=MessageState.WAITING).order_by("due_on", "created_at")


def escalated_below(node: Node) -> QuerySet:
    """Messages reported overdue by the nodes below this one, still unanswered."""
    return (
        Message.objects.filter(
            node__path__startswith=node.path, state=MessageState.WAITING,
            escalated_at__isnull=False,
        )
        .exclude(node=node)
        .select_related("node")
        .order_by("due_on")
    )  # fmt: skip


def own_counts(node: Node, today: date) -> dict[str, int]:
    """{"held", "waiting", "due_today", "overdue"}: the dashboard's figures."""
    return Message.objects.filter(node=node).aggregate(
        held=Count("pk", filter=Q(state=MessageState.HELD)),
        waiting=Count("pk", filter=Q(state=MessageState.WAITING)),
        due_today=Count("pk", filter=Q(state=MessageState.WAITING, due_on=today)),
        overdue=Count("pk", filter=Q(state=MessageState.WAITING, due_on__lt=today)),
    )
