"""逾期上报: a message unanswered past its deadline is reported to the owning node's
parent once (its dashboard lists it, its webmasters get one e-mail); the owner still
has to answer it."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from network.models import Role
from network.roles import accounts_with_roles

from .handling import record_step
from .models import Message, MessageState, StepKind
from .queries import overdue

BATCH = 500


def escalate_overdue(today: date | None = None, limit: int = BATCH) -> int:
    """Report each message overdue on `today` (not reported yet) to its owner's
    parent; returns how many. Each is locked, marked and mailed in its own
    transaction: none is reported twice, and a mail refused leaves it for the next run."""
    today = today or timezone.localdate()
    ids = list(
        overdue(Message.objects.all(), today)
        .filter(escalated_at__isnull=True)
        .values_list("pk", flat=True)[:limit]
    )
    done = 0
    for pk in ids:
        with transaction.atomic():
            message = (
                Message.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("node")
                .filter(pk=pk, state=MessageState.WAITING, escalated_at__isnull=True)
                .first()
            )
            if message is None:
                continue
            parent = message.node.get_parent()
            if parent is not None:
                _notify(message, parent)
            message.escalated_at = timezone.now()
            message.save(update_fields=["escalated_at"])
            to = parent.name if parent is not None else "省级中心"
            record_step(
                message,
                StepKind.ESCALATED,
                None,
                f"超过答复期限{message.due_on:%Y-%m-%d}，已报{to}",
            )
            done += 1
    return done


def _notify(message: Message, parent) -> None:
    addresses = sorted({a.email for a in accounts_with_roles(parent, [Role.WEBMASTER]) if a.email})
    if not addresses:
        return
    subject = f"【留言逾期】{message.node.name}有一条留言超过答复期限未答复"
    body = (
        f"{message.node.name}于{timezone.localtime(message.created_at):%Y-%m-%d}收到的留言"
        f"（类别：{message.get_category_display()}），答复期限为{message.due_on:%Y-%m-%d}，"
        f"至今未答复。请督促办理。登录后台“网络直通车”的“下级逾期”可查看。"
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
