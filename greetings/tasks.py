"""Once a day: members' greetings and officers' to-do notes. Each skips what it sent
already today, so a retry or a second run sends nothing twice."""

from datetime import date

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from .occasions import greet_members
from .todos import remind_officers


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def daily_greetings_and_reminders(today: str | None = None):
    """`today` (ISO date) fixes the clock; beat leaves it to the calendar day."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    return {"greetings": greet_members(day), "reminders": remind_officers(day)}
