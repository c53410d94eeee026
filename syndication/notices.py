"""E-mail notices: queued in a delivery's transaction, sent after it commits, once.

A mail sent inside the delivery's transaction went out again when a worker died
before the commit and the delivery ran a second time. Now the delivery only writes a
`Notice` row (one per delivery); a task of its own sends it after the commit and
marks it sent. The task is sent by name, so this module never imports its consumer.
"""

from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notice, NoticeState
from .outbox import count_failure, pending_ids


def queue_notice(delivery, accounts, subject: str, body: str) -> Notice | None:
    """The delivery's notice to these accounts (those with an address), made once."""
    addresses = sorted({account.email for account in accounts if account.email})
    if not addresses:
        return None
    notice, created = Notice.objects.get_or_create(
        delivery=delivery,
        defaults={"recipients": addresses, "subject": subject[:255], "body": body},
    )
    if created:
        transaction.on_commit(lambda: send_later(notice.pk))
    return notice


def send_later(notice_id: int) -> None:
    current_app.send_task("syndication.tasks.send_notice", args=[notice_id])


def send_notice(notice_id: int) -> bool:
    """Send one pending notice; False if it was sent already (or is being sent)."""
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(skip_locked=True)
            .filter(pk=notice_id, state=NoticeState.PENDING)
            .first()
        )
        if notice is None:
            return False
        send_mail(notice.subject, notice.body, settings.DEFAULT_FROM_EMAIL, notice.recipients)
        notice.state = NoticeState.SENT
        notice.attempts += 1
        notice.last_error = ""
        notice.sent_at = timezone.now()
        notice.save(update_fields=["state", "attempts", "last_error", "sent_at"])
    return True


def record_failure(notice_id: int, error: Exception) -> int:
    """Count a failed attempt (see outbox.count_failure); returns the attempts."""
    return count_failure(Notice, notice_id, error, NoticeState.FAILED)


def retry_failed(notice: Notice) -> None:
    """An administrator's 重试: back to pending, sent again."""
    Notice.objects.filter(pk=notice.pk, state=NoticeState.FAILED).update(
        state=NoticeState.PENDING, attempts=0
    )
    transaction.on_commit(lambda: send_later(notice.pk))


def resume_pending(older_than: timedelta) -> int:
    ids = pending_ids(Notice, NoticeState.PENDING, older_than)
    for notice_id in ids:
        send_later(notice_id)
    return len(ids)


def send_pending_here() -> int:
    """Send pending notices in this process (CLI `syndication run`); failures are
    counted on the notice, as the task would."""
    sent = 0
    for notice_id in Notice.objects.filter(state=NoticeState.PENDING).values_list("pk", flat=True):
        try:
            sent += send_notice(notice_id)
        except Exception as error:  # the mail server refused: count it, go on
            record_failure(notice_id, error)
    return sent
