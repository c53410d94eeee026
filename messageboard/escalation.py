"""逾期上报: a message unanswered past its deadline is reported to the owning node's
parent once (its dashboard lists it, its webmasters get one e-mail); the owner still
has to answer it."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from network.models import Role
from network.roles import accounts_with_roles
from notifications.models import Channel
from notifications.sending import notify

from .handling import record_step
from .models import Message, MessageState, StepKind
from .queries import overdue

BATCH = 500


def escalate_overdue(today: date | None = None, limit: int = BATCH) -> int:
    """Report each message overdue on `today` (not reported yet) to its owner's
        parent; returns how many. Each is locked, marked and mailed in its own
        transaction: none is reported twice (the notices go out from the outbox after the
    commit, retried there)."""
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
    """The parent's webmasters: in their inbox, by e-mail and by text message."""
    title = f"【留言逾期】{message.node.name}有一条留言超过答复期限未答复"
    body = (
        f"{message.node.name}于{timezone.localtime(message.created_at):%Y-%m-%d}收到的留言"
        f"（类别：{message.get_category_display()}），答复期限为{message.due_on:%Y-%m-%d}，"
        f"至今未答复，请督促办理。"
    )
    notify(accounts_with_roles(parent, [Role.WEBMASTER]), title, body,
           link=parent.link_for_mail("/admin/messages/?tab=below"), topic="messageboard.overdue",
           channels=(Channel.EMAIL, Channel.SMS))  # fmt: skip
