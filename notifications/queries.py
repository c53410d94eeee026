"""The inbox, read: an account's own lines, newest first, and how many are unread."""

from django.db.models import QuerySet

from .models import InboxItem


def inbox_of(user) -> QuerySet:
    return InboxItem.objects.filter(recipient=user)


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return InboxItem.objects.filter(recipient=user, read_at__isnull=True).count()
