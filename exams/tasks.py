"""Attempts left open past their time (a phone that never came back) are graded."""

from celery import shared_task
from django.db import OperationalError

from .taking import close_expired


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def close_expired_attempts():
    return close_expired()
