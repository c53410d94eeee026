"""Celery tasks: deliveries (syndication.delivery); the notices they queue are sent by
notifications' outbox.

Two kinds of failure are told apart. The database being unreachable (restarting, a
network blip) is waited for: the task retries every few seconds without touching
the database, so work goes on within seconds of it coming back. Anything else is an
attempt, counted on the row with a growing pause; after MAX_ATTEMPTS the row shows
失败 in 流转日志 for a person to retry. A database down for longer than
OUTAGE_RETRIES quick retries counts as one attempt too, so 失败 is reachable.
"""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from .delivery import record_failure, resume_pending, run_delivery
from .outbox import MAX_ATTEMPTS

DATABASE_DOWN = (OperationalError, InterfaceError)
OUTAGE_RETRY_SECONDS = 2
OUTAGE_RETRIES = 150  # about five minutes of quick retries per counted attempt
# Pauses stay under the broker's visibility timeout (settings), or a waiting retry
# would be handed to a second worker.
LONGEST_PAUSE = 20


def _run_with_retries(task, work, record, pk: int, outages: int):
    try:
        return work(pk)
    except DATABASE_DOWN as error:
        if outages < OUTAGE_RETRIES:
            raise task.retry(
                exc=error, countdown=OUTAGE_RETRY_SECONDS, kwargs={"outages": outages + 1}
            ) from error
        failure = error
    except Exception as error:
        failure = error
    try:
        attempts = record(pk, failure)
    except DATABASE_DOWN:
        return False  # still down: the row stays pending and beat re-sends it
    if attempts >= MAX_ATTEMPTS:
        return False  # left visible as failed
    pause = min(settings.XFNET_DELIVERY_RETRY_DELAY * 2 ** (attempts - 1), LONGEST_PAUSE)
    raise task.retry(exc=failure, countdown=pause, kwargs={"outages": 0}) from failure


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver(self, delivery_id: int, outages: int = 0) -> bool:
    """Idempotent: a delivery already done is skipped."""
    return _run_with_retries(self, run_delivery, record_failure, delivery_id, outages)


@shared_task
def resume_pending_deliveries() -> int:
    """Beat: re-send deliveries a dead worker or a lost message left (the notices'
    outbox has its own sweep, notifications.tasks.resume_pending_dispatches)."""
    return resume_pending()
