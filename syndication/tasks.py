"""Celery tasks: each runs one Delivery row (see syndication.delivery)."""

from celery import shared_task
from django.conf import settings

from .delivery import MAX_ATTEMPTS, record_failure, resume_pending, run_delivery


@shared_task(bind=True, acks_late=True, max_retries=MAX_ATTEMPTS - 1)
def deliver(self, delivery_id: int) -> bool:
    """Idempotent: a delivery already done is skipped; failures retry with backoff."""
    try:
        return run_delivery(delivery_id)
    except Exception as error:
        final = self.request.retries >= self.max_retries
        record_failure(delivery_id, error, final=final)
        if final:
            return False  # left visible as failed in the syndication log
        delay = settings.XFNET_DELIVERY_RETRY_DELAY * 2**self.request.retries
        raise self.retry(exc=error, countdown=delay) from error


@shared_task
def resume_pending_deliveries() -> int:
    """Beat: re-send deliveries a dead worker or a lost message left pending."""
    return resume_pending()
