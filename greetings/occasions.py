"""心灵港湾: on a member's birthday and 入党纪念日 a greeting reaches them (their
个人中心 inbox, and e-mail or text message where they allow it), once a year each.

Only members with a 个人中心 account can be reached. The dates are read by the task
for the member's own greeting and shown to no one, so the read is not audited."""

from collections import defaultdict
from datetime import date

from django_tenants.utils import schema_context

from notifications.models import InboxItem
from notifications.sending import notify
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.models import Member
from partyaffairs.models.member import ACTIVE_STATUSES

BIRTHDAY, ANNIVERSARY = "【心灵港湾】生日快乐", "【心灵港湾】入党纪念日"


def falls_on(day: date, today: date) -> bool:
    """A yearly date falls today (29 February on 28 February in other years)."""
    if (day.month, day.day) == (today.month, today.day):
        return True
    leap_day = (day.month, day.day) == (2, 29)
    return leap_day and (today.month, today.day) == (2, 28) and not _is_leap(today.year)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def greet_members(today: date) -> int:
    """Send today's greetings not sent yet; returns how many went out."""
    accounts = MemberAccount.objects.select_related("user", "node__tenant")
    by_schema = defaultdict(list)
    for account in accounts.filter(user__is_active=True):
        by_schema[account.node.tenant.schema_name].append(account)
    sent = 0
    for schema, group in by_schema.items():
        by_uuid = {account.member_uuid: account for account in group}
        with schema_context(schema):
            members = list(
                Member.objects.filter(uuid__in=by_uuid, status__in=ACTIVE_STATUSES).values_list(
                    "uuid", "name", "birth_date", "joined_on"
                )
            )
        for uuid, name, born, joined in members:
            account = by_uuid[uuid]
            if falls_on(born, today):
                body = f"{name}同志：今天是您的生日，党组织祝您生日快乐，身体健康，工作顺利！"
                sent += _once(account, f"greetings.birthday.{today.year}", BIRTHDAY, body)
            years = today.year - joined.year
            if years > 0 and falls_on(joined, today):
                body = (f"{name}同志：今天是您入党{years}周年纪念日。不忘初心，牢记使命，"
                        "党组织感谢您多年来的付出！")  # fmt: skip
                sent += _once(account, f"greetings.joined.{today.year}", ANNIVERSARY, body)
    return sent


def _once(account, topic: str, title: str, body: str) -> int:
    if InboxItem.objects.filter(recipient=account.user, topic=topic).exists():
        return 0
    # the member's own site: 个人中心 is on the public site, not the network's admin host
    notify([account.user], title, body, link=account.node.link_for_mail("/my/"), topic=topic)
    return 1
