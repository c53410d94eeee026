"""What the two outboxes (deliveries and their notices) share: counting failures."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

# Attempts before a row shows as failed (失败) for a person to retry.
MAX_ATTEMPTS = 5


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
