"""站内消息 in the admin: each account reads only its own, opening the list marks it
read, and the account settings take a mobile number (required for text messages)."""

import json

import pytest

from network.factories import UserFactory
from notifications.models import Contact, InboxItem
from notifications.sending import notify

pytestmark = pytest.mark.django_db

HOST = "village1.localhost"


def test_an_account_reads_its_own_inbox_and_opening_it_marks_it_read(client, net):
    mine = UserFactory(username="tz_mine", roles=[(net.village1, "editor")])
    other = UserFactory(username="tz_other", roles=[(net.village1, "editor")])
    notify([mine], "【提醒】给我的消息", "正文")
    notify([other], "【提醒】给别人的消息")
    client.force_login(mine)
    dashboard = client.get("/admin/", HTTP_HOST=HOST).content.decode()
    assert "站内消息（1 条未读）" in dashboard
    # the menu item's label, in the sidebar's JSON (escaped): 站内消息（1）
    assert json.dumps("站内消息（1）")[1:-1] in dashboard
    inbox = client.get("/admin/inbox/", HTTP_HOST=HOST).content.decode()
    assert "给我的消息" in inbox and "给别人的消息" not in inbox and "未读" in inbox
    assert InboxItem.objects.get(recipient=mine).read_at is not None
    assert InboxItem.objects.get(recipient=other).read_at is None
    assert "站内消息（1 条未读）" not in client.get("/admin/", HTTP_HOST=HOST).content.decode()


def test_the_mobile_number_is_given_in_the_account_settings(client, net):
    user = UserFactory(username="tz_settings", roles=[(net.village1, "editor")])
    client.force_login(user)
    page = client.get("/admin/account/", HTTP_HOST=HOST).content.decode()
    assert "短信和邮件提醒" in page
    form = {
        "name_email-first_name": "晓燕", "name_email-last_name": "刘",
        "name_email-email": "liu@example.cn", "locale-preferred_language": "zh-hans",
        "locale-current_time_zone": "", "theme-theme": "system", "theme-density": "default",
        "theme-contrast": "system", "xf_contact-mobile": "", "xf_contact-sms_enabled": "on",
        "xf_contact-email_enabled": "on",
    }  # fmt: skip
    refused = client.post("/admin/account/", form, HTTP_HOST=HOST)
    assert refused.status_code == 200 and "接收短信提醒需要填写手机号码" in refused.content.decode()
    assert not Contact.objects.filter(user=user).exists()
    form["xf_contact-mobile"] = "13812345678"
    assert client.post("/admin/account/", form, HTTP_HOST=HOST).status_code == 302
    contact = Contact.objects.get(user=user)
    assert (contact.mobile, contact.sms_enabled) == ("13812345678", True)
