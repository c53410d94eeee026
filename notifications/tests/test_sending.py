"""Telling people through every channel: the inbox always, e-mail and text messages
where the person has an address and allows them, each sent once by a real worker,
retried while it may pass and recorded when it will not."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from notifications.models import Contact, Dispatch, DispatchState, InboxItem
from notifications.sending import deliver, notify
from notifications.tests.fake_aliyun import FLAKY, ILLEGAL, FakeAliyun


@pytest.mark.django_db
def test_each_person_gets_an_inbox_line_and_the_channels_they_allow(
    net, django_capture_on_commit_callbacks
):
    quiet = UserFactory(username="tz_quiet", email="")
    mailed = UserFactory(username="tz_mail", email="mail@example.cn")
    texted = UserFactory(username="tz_sms", email="sms@example.cn")
    Contact.objects.create(user=texted, mobile="13800000000", sms_enabled=True, email_enabled=False)
    gone = UserFactory(username="tz_gone", email="gone@example.cn", is_active=False)
    with django_capture_on_commit_callbacks() as callbacks:
        items = notify([quiet, mailed, texted, gone], "【提醒】测试", "内容", link="/admin/")
    assert [item.recipient for item in items] == [quiet, mailed, texted]
    rows = sorted(Dispatch.objects.values_list("item__recipient__username", "channel", "address"))
    assert rows == [("tz_mail", "email", "mail@example.cn"), ("tz_sms", "sms", "13800000000")]
    assert len(callbacks) == 1  # the sends are asked for after the commit
    email = Dispatch.objects.get(channel="email")
    assert deliver(email.pk) == DispatchState.SENT and deliver(email.pk) == "skipped"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mail@example.cn"]
    assert "http" in mail.outbox[0].body  # the link made absolute
    sms = Dispatch.objects.get(channel="sms")
    assert deliver(sms.pk) == DispatchState.SENT  # the console backend (development's)
    assert Dispatch.objects.get(pk=sms.pk).receipt == "console"


@pytest.fixture
def committed(django_db_setup, django_db_blocker, settings):
    """Committed for the worker: three accounts with mobiles that the fake provider
    accepts, refuses for good, and fails once."""
    with django_db_blocker.unblock(), FakeAliyun("LTAI-w", "s-w") as fake:
        settings.XFNET_SMS_BACKEND = "notifications.sms.AliyunBackend"
        settings.XFNET_SMS_ACCESS_KEY_ID, settings.XFNET_SMS_ACCESS_KEY_SECRET = "LTAI-w", "s-w"
        settings.XFNET_SMS_ENDPOINT, settings.XFNET_SMS_TEMPLATE_CODE = fake.url, "SMS_000001"
        users = []
        for name, mobile in (("tz_ok", "13800000000"), ("tz_bad", ILLEGAL), ("tz_flaky", FLAKY)):
            user = UserFactory(username=name, email=f"{name}@example.cn")
            Contact.objects.create(user=user, mobile=mobile, sms_enabled=True)
            users.append(user)
        yield users, fake
        InboxItem.objects.all().delete()
        province = Node.objects.select_related("tenant").get(code="340000")
        with schema_context(province.tenant.schema_name):
            get_user_model().objects.filter(pk__in=[u.pk for u in users]).delete()
        connection.set_schema_to_public()


@pytest.mark.celery
def test_a_worker_sends_retries_and_records_failures(worker, committed, django_db_blocker):
    users, fake = committed
    mail.outbox.clear()
    with django_db_blocker.unblock():
        notify(users, "【留言逾期】甲村", "请督促办理。")
        deadline = time.monotonic() + 60
        while Dispatch.objects.filter(state=DispatchState.PENDING).exists():
            assert time.monotonic() < deadline, "the outbox was not emptied"
            time.sleep(0.2)
        states = dict(Dispatch.objects.filter(channel="sms").values_list("address", "state"))
        errors = list(Dispatch.objects.values_list("address", "last_error"))
        assert states == {"13800000000": "sent", ILLEGAL: "failed", FLAKY: "sent"}, errors
        flaky = Dispatch.objects.get(address=FLAKY)
        assert flaky.attempts == 2 and flaky.receipt
        bad = Dispatch.objects.get(address=ILLEGAL)
        assert bad.attempts == 1 and "MOBILE_NUMBER_ILLEGAL" in bad.last_error
    assert sorted(p["PhoneNumbers"] for p in fake.received) == ["13700000000", "13800000000"]
    assert len(mail.outbox) == 3
