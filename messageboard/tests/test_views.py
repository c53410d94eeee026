"""The public board and the staff's screens over HTTP: posting with the challenge,
every abuse case refused with nothing saved, masked answers, isolation between nodes."""

import re

import pytest
from django.core import signing

from messageboard import handling
from messageboard.guarding import CHALLENGE_SALT
from messageboard.models import Message, MessageState, StepKind
from network.factories import UserFactory
from sensitivewords.models import SensitiveWord

pytestmark = pytest.mark.django_db

VILLAGE = "village1.localhost"


def form_of(client, host=VILLAGE):
    """A fresh form: its challenge token and the answer (read from the signed token,
    as a person would read the question)."""
    page = client.get("/messages/", HTTP_HOST=host)
    assert page.status_code == 200
    html = page.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    return token, str(signing.loads(token, salt=CHALLENGE_SALT)["sum"])


def leave(client, host=VILLAGE, address="198.51.100.7", **fields):
    token, answer = form_of(client, host)
    data = {
        "name": "张小明",
        "phone": "13800000000",
        "category": "consult",
        "text": "请问流动党员怎样交党费？",
        "token": token,
        "answer": answer,
        "website": "",
    }
    data.update(fields)  # fmt: skip
    return client.post("/messages/", data, HTTP_HOST=host, REMOTE_ADDR=address)


def test_a_message_left_on_a_village_site_waits_for_its_staff(client, net):
    page = client.get("/messages/", HTTP_HOST=VILLAGE)
    html = page.content.decode()
    assert "网络直通车" in html and "验证题" in html and 'name="website"' in html
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    sent = leave(client)
    assert sent.status_code == 200 and "留言已收到" in sent.content.decode()
    message = Message.objects.get()
    assert (message.node, message.state, message.address) == (
        net.village1,
        "waiting",
        "198.51.100.7",
    )


def test_a_wrong_answer_keeps_what_was_typed_and_saves_nothing(client, net):
    refused = leave(client, answer="99", text="村口路灯坏了")
    html = refused.content.decode()
    assert "验证题答案不对" in html and "村口路灯坏了" in html
    assert not Message.objects.exists()
    missing = leave(client, text="", answer="1")
    assert "请填写这一项" in missing.content.decode() and not Message.objects.exists()


def test_a_replayed_form_the_honeypot_and_a_forged_token_are_refused(client, net):
    token, answer = form_of(client)
    data = {"name": "张小明", "category": "consult", "text": "第一次", "token": token,
            "answer": answer}  # fmt: skip
    assert "留言已收到" in client.post("/messages/", data, HTTP_HOST=VILLAGE).content.decode()
    again = client.post("/messages/", data, HTTP_HOST=VILLAGE).content.decode()
    assert "已经提交过了" in again
    assert "提交未通过校验" in leave(client, website="http://spam.example").content.decode()
    forged = signing.dumps({"sum": 1, "nonce": "x"}, salt="another")
    data.update(token=forged, answer="1")
    assert "验证题无效" in client.post("/messages/", data, HTTP_HOST=VILLAGE).content.decode()
    assert Message.objects.count() == 1


def test_a_flood_from_one_address_is_cut_off_at_the_rate_limit(client, net, settings):
    settings.XFNET_MESSAGE_RATE = (5, 600)
    answers = [leave(client, text=f"第{n}条") for n in range(100)]
    accepted = [a for a in answers if "留言已收到" in a.content.decode()]
    assert len(accepted) == 5 and Message.objects.count() == 5
    assert "留言过于频繁" in answers[-1].content.decode()
    # another address is not held back
    assert "留言已收到" in leave(client, address="198.51.100.8").content.decode()


def test_sensitive_words_refuse_or_hold(client, net):
    SensitiveWord.objects.create(word="代开发票", kind="block")
    SensitiveWord.objects.create(word="维权", kind="warn")
    refused = leave(client, text="长期代开发票").content.decode()
    assert "代开发票" in refused and "不允许发布" in refused and not Message.objects.exists()
    held = leave(client, text="我想维权").content.decode()
    assert "审核后办理" in held and Message.objects.get().state == MessageState.HELD


def test_answers_show_masked_on_their_own_site_only(client, net):
    staff = UserFactory(username="cun_dafu", roles=[(net.village1, "webmaster")])
    leave(client, name="<b>欧阳明</b>", text="<script>alert('x')</script>请问流动党员")
    message = Message.objects.get()
    handling.answer(message, staff, "<img src=x onerror=alert(1)>已答复", public=True)
    board = client.get("/messages/", HTTP_HOST=VILLAGE).content.decode()
    assert "欧**" in board and "欧阳明" not in board and "13800000000" not in board
    answer = client.get(f"/messages/{message.uuid}/", HTTP_HOST=VILLAGE).content.decode()
    assert "已答复" in answer and "<img src=x" not in answer and "<script>alert" not in answer
    assert "欧阳明" not in answer and "13800000000" not in answer
    other = client.get(f"/messages/{message.uuid}/", HTTP_HOST="village2.localhost")
    assert other.status_code == 404
    assert (
        "请问流动党员"
        not in client.get("/messages/", HTTP_HOST="village2.localhost").content.decode()
    )
    leave(client, address="198.51.100.9", text="不公开的留言")
    private = Message.objects.get(text="不公开的留言")
    handling.answer(private, staff, "已电话联系。", public=False)
    assert client.get(f"/messages/{private.uuid}/", HTTP_HOST=VILLAGE).status_code == 404


def test_staff_answer_in_the_admin_and_outsiders_are_turned_away(client, net):
    leave(client)
    message = Message.objects.get()
    outsider = UserFactory(username="ling_cun_admin", roles=[(net.village2, "webmaster")])
    client.force_login(outsider)
    assert (
        client.get(f"/admin/messages/{message.pk}/", HTTP_HOST="village2.localhost").status_code
        == 404
    )
    refused = client.post(f"/admin/messages/{message.pk}/", {"action": "answer", "reply": "x"},
                          HTTP_HOST=VILLAGE)  # fmt: skip
    assert refused.status_code in (302, 403)
    message.refresh_from_db()
    assert message.state == MessageState.WAITING
    staff = UserFactory(username="cun_admin_dafu", roles=[(net.village1, "reviewer")])
    client.force_login(staff)
    inbox = client.get("/admin/messages/", HTTP_HOST=VILLAGE).content.decode()
    assert "请问流动党员怎样交党费" in inbox and "13800000000" not in inbox
    detail = client.get(f"/admin/messages/{message.pk}/", HTTP_HOST=VILLAGE).content.decode()
    assert "13800000000" not in detail and "查看电话" in detail
    phone = client.post(f"/admin/messages/{message.pk}/", {"action": "phone"}, HTTP_HOST=VILLAGE)
    assert "13800000000" in phone.content.decode()
    assert message.steps.filter(kind=StepKind.PHONE_READ, actor=staff).exists()
    empty = client.post(f"/admin/messages/{message.pk}/", {"action": "answer", "reply": " "},
                        HTTP_HOST=VILLAGE)  # fmt: skip
    assert empty.status_code == 400 and "请填写答复内容" in empty.content.decode()
    done = client.post(f"/admin/messages/{message.pk}/",
                       {"action": "answer", "reply": "党费可通过手机缴纳。", "public": "on"},
                       HTTP_HOST=VILLAGE)  # fmt: skip
    assert done.status_code == 302
    message.refresh_from_db()
    assert (message.state, message.public, message.replied_by) == ("answered", True, staff)
    client.logout()
    assert (
        f"/messages/{message.uuid}/" in client.get("/messages/", HTTP_HOST=VILLAGE).content.decode()
    )
    shown = client.get(f"/messages/{message.uuid}/", HTTP_HOST=VILLAGE).content.decode()
    assert "党费可通过手机缴纳" in shown
