"""The outbox's sender: each queued e-mail or text message, retried with backoff
while its channel fails in a way that may pass; and a sweep for what a lost task
left queued."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from .models import Dispatch, DispatchState
from .sending import TryAgain, deliver, send_later

STALE = timedelta(minutes=10)


@shared_task(bind=True, max_retries=None)
def send_dispatch(self, dispatch_id: int):
    try:
        return deliver(dispatch_id)
    except (TryAgain, OperationalError) as again:
        # the channel failed (attempt counted), or the database is away (not counted:
        # the row is untouched, and the sweep finds it if this gives up)
        delay = settings.XFNET_NOTIFY_RETRY_DELAY * 2 ** min(self.request.retries, 8)
        raise self.retry(exc=again, countdown=delay) from None


@shared_task
def resume_pending_dispatches():
    """Queued longer than STALE: its task was lost (a worker died); ask again."""
    ids = list(
        Dispatch.objects.filter(
            state=DispatchState.PENDING, created_at__lt=timezone.now() - STALE
        ).values_list("pk", flat=True)[:1000]
    )
    for pk in ids:
        send_later(pk)
    return len(ids)
