"""The reply clock through a real Celery worker, on a fixed date (the task takes
`today`): a message is reported to the parent once, only when the centre's
calendar says it is overdue, and the parent's dashboard shows it."""

import time
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django_tenants.utils import schema_context

from messageboard.factories import MessageFactory
from messageboard.models import Message, MessageStep, ReplyRule, StepKind
from messageboard.tasks import escalate_overdue_messages
from network.factories import UserFactory
from network.models import Node
from notifications.models import InboxItem
from workdays.models import CalendarDay, DayKind

pytestmark = pytest.mark.celery


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Committed for the worker: 国庆 off (1–7 October 2026, Saturday 10th worked), a
    2-working-day rule for villages, a message to 甲村 left on 30 September, and the
    webmaster of 甲镇 (its parent) with an address."""
    with django_db_blocker.unblock():
        village = Node.objects.get(code="340111001001")
        town = Node.objects.get(code="340111001")
        CalendarDay.objects.bulk_create(
            [CalendarDay(day=date(2026, 10, d), kind=DayKind.HOLIDAY) for d in range(1, 8)]
            + [CalendarDay(day=date(2026, 10, 10), kind=DayKind.WORKDAY)]
        )
        CalendarDay.objects.create(day=date(2026, 10, 11), kind=DayKind.WORKDAY)  # cache cleared
        ReplyRule.objects.create(level="village", working_days=2)
        message = MessageFactory(node=village, clock_from=date(2026, 9, 30))
        user = UserFactory(username="zhen_liuyan", email="zhen@example.cn",
                           roles=[(town, "webmaster")])  # fmt: skip
        yield message
        connection.set_schema_to_public()
        Message.objects.all().delete()
        InboxItem.objects.all().delete()
        ReplyRule.objects.all().delete()
        CalendarDay.objects.all().delete()
        # a user's deletion reaches Wagtail's tenant tables (editing sessions)
        with schema_context(town.tenant.schema_name):
            get_user_model().objects.filter(pk=user.pk).delete()


def test_an_overdue_message_is_reported_to_the_parent_once(worker, committed, client):
    message = committed
    assert message.due_on == date(2026, 10, 9)  # not 2 October: the holidays do not count
    mail.outbox.clear()
    assert escalate_overdue_messages.delay(today="2026-10-09").get(timeout=60) == 0
    assert escalate_overdue_messages.delay(today="2026-10-10").get(timeout=60) == 1
    deadline = time.monotonic() + 60
    while not mail.outbox:  # sent from the notifications outbox by the same worker
        assert time.monotonic() < deadline, "the parent was not told"
        time.sleep(0.2)
    assert mail.outbox[0].to == ["zhen@example.cn"] and "甲村" in mail.outbox[0].subject
    assert "town1.localhost" in mail.outbox[0].body  # a link to the town's own admin
    assert escalate_overdue_messages.delay(today="2026-10-12").get(timeout=60) == 0
    time.sleep(1)
    assert len(mail.outbox) == 1
    assert InboxItem.objects.filter(recipient__username="zhen_liuyan",
                                    topic="messageboard.overdue").count() == 1  # fmt: skip
    step = MessageStep.objects.get(message=message, kind=StepKind.ESCALATED)
    assert "甲镇" in step.note
    client.force_login(get_user_model().objects.get(username="zhen_liuyan"))
    dashboard = client.get("/admin/", HTTP_HOST="town1.localhost").content.decode()
    assert "下级站点逾期未答复 1 条" in dashboard
    below = client.get("/admin/messages/?tab=below", HTTP_HOST="town1.localhost").content.decode()
    assert "甲村" in below and message.text[:10] in below
    # the town reads it, without the phone, and cannot answer for the village
    detail = client.get(f"/admin/messages/{message.pk}/", HTTP_HOST="town1.localhost")
    assert (
        message.phone not in detail.content.decode() and "保存答复" not in detail.content.decode()
    )
