"""What the two outboxes (deliveries and their notices) share: counting failures."""

from django.db import transaction

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
