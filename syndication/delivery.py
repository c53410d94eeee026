"""Running the outbox's deliveries (the worker side; syndication.outbox queues them).

The task locks the row, does the work, and marks it done in one transaction, so
running it twice has one effect, a worker that dies leaves a pending row (and, with
acks_late, a redelivered message), and `resume_pending` re-sends whatever is left.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from notifications.sending import deliver_pending_here

from . import pushing, revoking, stories, submitting
from .models import Delivery, DeliveryKind, DeliveryState
from .outbox import count_failure, pending_ids, send

HANDLERS = {
    DeliveryKind.SNAPSHOT: lambda delivery: stories.refresh_everywhere(delivery.story),
    DeliveryKind.PUSH: pushing.deliver_push,
    DeliveryKind.SUBMIT: submitting.deliver_submission,
    DeliveryKind.DECISION: submitting.carry_out_decision,
    DeliveryKind.REVOKE: revoking.carry_out_revocation,
}


def run_delivery(delivery_id: int) -> bool:
    """Do one delivery's work unless it is already done; True if work was done."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("story__origin_node__tenant", "push", "submission")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.state == DeliveryState.DONE:
            return False
        HANDLERS[delivery.kind](delivery)
        delivery.state = DeliveryState.DONE
        delivery.attempts += 1
        delivery.last_error = ""
        delivery.finished_at = timezone.now()
        delivery.save()
    return True


def record_failure(delivery_id: int, error: Exception) -> int:
    """Count a failed attempt; after MAX_ATTEMPTS the row shows as failed in the log.
    Returns the attempts made so far."""
    return count_failure(Delivery, delivery_id, error, DeliveryState.FAILED)


def resume_pending(older_than: timedelta = timedelta(minutes=5)) -> int:
    """Re-send deliveries left pending (a worker died, a message was lost)."""
    ids = pending_ids(Delivery, DeliveryState.PENDING, older_than)
    for delivery_id in ids:
        send(delivery_id)
    return len(ids)


def run_pending_here(story=None) -> int:
    """Run pending deliveries in this process, oldest first, then send the notices
    they queued (CLI `syndication run`, and a way to finish work when no worker is
    running). Returns how many deliveries ran."""
    pending = Delivery.objects.filter(state=DeliveryState.PENDING).order_by("pk")
    if story is not None:
        pending = pending.filter(story=story)
    ran, tried = 0, set()
    # a delivery can enqueue the next one (a forward): keep going until none are new
    while ids := list(pending.exclude(pk__in=tried).values_list("pk", flat=True)[:500]):
        for delivery_id in ids:
            tried.add(delivery_id)
            ran += run_delivery(delivery_id)
    deliver_pending_here()  # the notices they queued
    return ran
