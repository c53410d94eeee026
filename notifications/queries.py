"""The inbox, read: an account's own lines, newest first, and how many are unread."""

from django.db.models import QuerySet

from .models import Dispatch, DispatchState, InboxItem


def inbox_of(user) -> QuerySet:
    return InboxItem.objects.filter(recipient=user)


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return InboxItem.objects.filter(recipient=user, read_at__isnull=True).count()


def dispatch_states(topics) -> dict[str, tuple[str, str]]:
    """{topic: (state, error)} of the e-mails and text messages its lines owe: failed
    when any failed (with that error), pending when any waits, else sent."""
    rows = Dispatch.objects.filter(item__topic__in=list(topics)).values_list(
        "item__topic", "state", "last_error"
    )
    found: dict[str, tuple[str, str]] = {}
    rank = {DispatchState.FAILED: 0, DispatchState.PENDING: 1, DispatchState.SENT: 2}
    for topic, state, error in rows:
        if topic not in found or rank[state] < rank[found[topic][0]]:
            found[topic] = (state, error)
    return found
