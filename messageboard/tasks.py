"""The reply clock in the background: overdue messages reported to the parent."""

from datetime import date

from celery import shared_task
from django.db import OperationalError

from .escalation import escalate_overdue


@shared_task(autoretry_for=(OperationalError, OSError), retry_backoff=True, max_retries=5)
def escalate_overdue_messages(today: str | None = None):
    """`today` (ISO date) fixes the clock; beat leaves it to the calendar day."""
    return escalate_overdue(date.fromisoformat(today) if today else None)
