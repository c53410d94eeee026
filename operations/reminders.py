"""提醒: each node newly found behind a rule tells its webmasters once (their inbox and
e-mail, through notifications)."""

from django.db import transaction
from django.utils import timezone

from network.models import Role
from network.roles import accounts_with_roles
from notifications.models import Channel
from notifications.sending import notify

from .models import Staleness

# a first evaluation of a large network finds many: the rest go on the next run
BATCH = 500


def send_reminders(limit: int = BATCH) -> int:
    """Send the reminders not sent yet (up to `limit`); returns how many went out.
    Each row is locked, told and marked in its own transaction: none goes out twice
    (a mail server's refusal is the outbox's to retry)."""
    sent = 0
    ids = Staleness.objects.filter(reminded_at__isnull=True).values_list("pk", flat=True)
    for pk in list(ids[:limit]):
        with transaction.atomic():
            row = (
                Staleness.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("node", "rule")
                .filter(pk=pk, reminded_at__isnull=True)
                .first()
            )
            if row is None:
                continue
            webmasters = accounts_with_roles(row.node, [Role.WEBMASTER])
            if webmasters:
                subject, body = _message(row)
                notify(webmasters, subject, body, topic=f"operations.staleness.{row.pk}",
                       link=row.node.link_for_mail("/admin/operations/timeliness/"),
                       channels=(Channel.EMAIL,))  # fmt: skip
                sent += 1
            row.reminded_at = timezone.now()
            row.save(update_fields=["reminded_at"])
    return sent


def _message(row) -> tuple[str, str]:
    last = (
        timezone.localtime(row.last_published_at).strftime("%Y-%m-%d")
        if row.last_published_at
        else "从未发布"
    )
    where = f"“{row.rule.column_title}”栏目" if row.rule.column_title else "网站"
    subject = f"【更新提醒】{row.node.name}{where}已超过{row.rule.working_days}个工作日未更新"
    body = (
        f"{row.node.name}{where}最后更新：{last}。按省级更新规则，须每{row.rule.working_days}"
        f"个工作日至少更新一次，请尽快发布。登录后台“更新监测”可查看详情。"
    )
    return subject, body
