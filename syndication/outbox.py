"""The outbox: background work written as rows in the transaction that needs it, and
sent to Celery by task name once that transaction commits.

The services (pushing, submitting, revoking) queue work here; the worker side
(syndication.delivery, .tasks) runs it. Sending by name keeps this module, and so
every service, from importing the code that consumes the queue.
"""

from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.utils import timezone

from .models import Delivery, DeliveryState

# Attempts before a row shows as failed (失败) for a person to retry.
MAX_ATTEMPTS = 5
DELIVER_TASK = "syndication.tasks.deliver"


def enqueue(kind: str, story, *, push=None, submission=None) -> Delivery:
    delivery = Delivery.objects.create(kind=kind, story=story, push=push, submission=submission)
    transaction.on_commit(lambda: send(delivery.pk))
    return delivery


def send(delivery_id: int) -> None:
    current_app.send_task(DELIVER_TASK, args=[delivery_id])


def retry_failed(delivery: Delivery) -> None:
    """An administrator's 重试 on a failed delivery: back to pending, sent again."""
    Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.FAILED).update(
        state=DeliveryState.PENDING, attempts=0
    )
    transaction.on_commit(lambda: send(delivery.pk))


def count_failure(model, pk: int, error: Exception, failed_state: str) -> int:
    """One more failed attempt on an outbox row; failed after MAX_ATTEMPTS. Returns
    the attempts made so far."""
    with transaction.atomic():
        row = model.objects.select_for_update().filter(pk=pk).first()
        if row is None:
            return MAX_ATTEMPTS
        row.attempts += 1
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        if row.attempts >= MAX_ATTEMPTS:
            row.state = failed_state
        row.save(update_fields=["attempts", "last_error", "state"])
    return row.attempts


def pending_ids(model, pending_state: str, older_than: timedelta) -> list[int]:
    """Rows still pending after `older_than`: a worker died, or a message was lost."""
    cutoff = timezone.now() - older_than
    rows = model.objects.filter(state=pending_state, created_at__lte=cutoff)
    return list(rows.values_list("pk", flat=True))
