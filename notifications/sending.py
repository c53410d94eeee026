"""Telling people things: `notify` writes each recipient's inbox line and queues its
e-mail and text message (where the person has an address and allows it), sent after
the commit by a task; `deliver` sends one queued message, once."""

from celery import current_app
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Channel, Contact, Dispatch, DispatchState, InboxItem
from .sms import SmsError, backend

# attempts before a message is marked failed (the error stays on its row)
MAX_ATTEMPTS = 5


class TryAgain(Exception):
    """A send that may work later (the outbox's task retries it)."""


def notify(users, title: str, body: str = "", *, link: str = "", topic: str = "",
           channels=(Channel.EMAIL, Channel.SMS)) -> list[InboxItem]:  # fmt: skip
    """An inbox line for each active account, and its e-mail and text message."""
    users = [user for user in users if user.is_active]
    contacts = {c.user_id: c for c in Contact.objects.filter(user__in=users)}
    items, dispatches = [], []
    with transaction.atomic():
        for user in users:
            item = InboxItem.objects.create(
                recipient=user, title=title[:200], body=body, link=link, topic=topic
            )
            items.append(item)
            contact = contacts.get(user.pk) or Contact(user=user)
            if Channel.EMAIL in channels and user.email and contact.email_enabled:
                dispatches.append(Dispatch(item=item, channel=Channel.EMAIL, address=user.email))
            if Channel.SMS in channels and contact.mobile and contact.sms_enabled:
                dispatches.append(Dispatch(item=item, channel=Channel.SMS, address=contact.mobile))
        created = Dispatch.objects.bulk_create(dispatches)
        ids = [dispatch.pk for dispatch in created]
        transaction.on_commit(lambda: [send_later(pk) for pk in ids])
    return items


def send_later(dispatch_id: int) -> None:
    # by name: the task module imports this one
    current_app.send_task("notifications.tasks.send_dispatch", args=[dispatch_id])


def deliver(dispatch_id: int) -> str:
    """Send one queued message; returns its state. Raises TryAgain when the channel
    failed in a way that may pass (the attempt and error are committed first)."""
    with transaction.atomic():
        dispatch = (
            Dispatch.objects.select_for_update(skip_locked=True)
            .select_related("item")
            .filter(pk=dispatch_id, state=DispatchState.PENDING)
            .first()
        )
        if dispatch is None:  # sent, failed, or being sent by another worker
            return "skipped"
        dispatch.attempts += 1
        try:
            dispatch.receipt = _send(dispatch)[:100]
            dispatch.state, dispatch.sent_at = DispatchState.SENT, timezone.now()
            dispatch.last_error = ""
        except SmsError as error:
            _failed(dispatch, str(error), permanent=error.permanent)
        except OSError as error:  # the mail relay
            _failed(dispatch, f"邮件发送失败：{error}", permanent=False)
        dispatch.save()
    if dispatch.state == DispatchState.PENDING:
        raise TryAgain(dispatch.last_error)
    return dispatch.state


def _send(dispatch: Dispatch) -> str:
    item = dispatch.item
    if dispatch.channel == Channel.EMAIL:
        body = f"{item.body}\n\n{absolute(item.link)}" if item.link else item.body
        send_mail(item.title, body, settings.DEFAULT_FROM_EMAIL, [dispatch.address])
        return ""
    return backend().send(dispatch.address, f"{item.title}。{item.body}"[:300])


def _failed(dispatch: Dispatch, error: str, *, permanent: bool) -> None:
    dispatch.last_error = error[:500]
    if permanent or dispatch.attempts >= MAX_ATTEMPTS:
        dispatch.state = DispatchState.FAILED


def retry_failed(topic: str) -> int:
    """An administrator's 重发: the failed e-mails and text messages of `topic`'s
    lines go back to the outbox, with their attempts counted afresh."""
    ids = list(
        Dispatch.objects.filter(item__topic=topic, state=DispatchState.FAILED).values_list(
            "pk", flat=True
        )
    )
    Dispatch.objects.filter(pk__in=ids).update(state=DispatchState.PENDING, attempts=0)
    transaction.on_commit(lambda: [send_later(pk) for pk in ids])
    return len(ids)


def deliver_pending_here() -> int:
    """Send what is queued in this process (CLI, and finishing work with no worker);
    a failure is recorded on its row as the task would. Returns how many were sent."""
    sent = 0
    for pk in Dispatch.objects.filter(state=DispatchState.PENDING).values_list("pk", flat=True):
        try:
            sent += deliver(pk) == DispatchState.SENT
        except TryAgain:
            continue  # recorded on the row; beat's sweep tries it again
    return sent


def absolute(link: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{link}" if link.startswith("/") else link
