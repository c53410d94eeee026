"""网络直通车's rules without HTTP: the clock by the centre's calendar, moderation,
answers only by the owning node's staff, referral up, and the phone read audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from messageboard import handling
from messageboard.clock import due_date, reply_days
from messageboard.guarding import Refused
from messageboard.handling import Posting, post_message
from messageboard.models import Message, MessageState, MessageStep, ReplyRule, StepKind
from network.factories import UserFactory
from notifications.models import InboxItem
from sensitivewords.models import SensitiveWord
from workdays.models import CalendarDay, DayKind

pytestmark = pytest.mark.django_db

POSTING = Posting(name="张小明", phone="13800000000", category="consult",
                  text="请问流动党员怎样参加组织生活？")  # fmt: skip


def post(node, posting=POSTING, address="192.0.2.10"):
    return post_message(node, posting, address)


def test_the_deadline_counts_the_centres_working_days(net, settings):
    settings.XFNET_REPLY_WORKING_DAYS = 5
    assert reply_days(net.village1) == 5
    ReplyRule.objects.create(level="", working_days=3)
    ReplyRule.objects.create(level="village", working_days=2)
    assert (reply_days(net.village1), reply_days(net.county1)) == (2, 3)
    # Thursday 1 October 2026 is 国庆节, Saturday 10 October a working day (调休)
    CalendarDay.objects.bulk_create(
        [CalendarDay(day=date(2026, 10, d), kind=DayKind.HOLIDAY) for d in range(1, 8)]
        + [CalendarDay(day=date(2026, 10, 10), kind=DayKind.WORKDAY)]
    )
    CalendarDay.objects.create(day=date(2026, 10, 11), kind=DayKind.WORKDAY)  # clears the cache
    assert due_date(net.village1, date(2026, 9, 30)) == date(2026, 10, 9)  # Thu 8, Fri 9
    assert due_date(net.county1, date(2026, 9, 30)) == date(2026, 10, 10)


def test_a_message_waits_with_its_deadline_and_its_text_is_kept_plain(net):
    message = post(net.village1, Posting(name="<b>李</b>四", phone="", category="help",
                                         text="<script>alert(1)</script>路灯坏了"))  # fmt: skip
    assert message.state == MessageState.WAITING and message.node == message.origin == net.village1
    assert message.due_on == due_date(net.village1, message.clock_from)
    assert (message.name, message.text) == ("李四", "alert(1)路灯坏了")
    assert list(message.steps.values_list("kind", flat=True)) == [StepKind.POSTED]


def test_the_nodes_staff_are_told_of_a_new_message(net):
    reviewer = UserFactory(username="cun_tongzhi", roles=[(net.village1, "reviewer")])
    UserFactory(username="ling_tongzhi", roles=[(net.village2, "reviewer")])
    message = post(net.village1)
    told = InboxItem.objects.get(topic="messageboard.new")
    assert told.recipient == reviewer and message.text[:10] in told.body
    assert (
        told.link.endswith(f"/admin/messages/{message.pk}/") and "village1.localhost" in told.link
    )


def test_blocking_words_refuse_and_warning_words_hold_for_moderation(net):
    SensitiveWord.objects.create(word="赌博", kind="block")
    SensitiveWord.objects.create(word="上访", kind="warn")
    with pytest.raises(Refused, match="赌博"):
        post(net.village1, Posting(name="王五", phone="", category="other", text="网上赌博"))
    assert not Message.objects.exists()
    held = post(net.village1, Posting(name="王五", phone="", category="other", text="我要上访"))
    assert held.state == MessageState.HELD and held.due_on is None
    staff = UserFactory(username="cun_shenhe", roles=[(net.village1, "reviewer")])
    admitted = handling.admit(held, staff)
    assert admitted.state == MessageState.WAITING and admitted.due_on is not None


def test_only_the_owning_nodes_staff_answer_and_only_once(net):
    message = post(net.village1)
    for outsider in (
        UserFactory(username="ling_cun", roles=[(net.village2, "webmaster")]),
        UserFactory(username="cun_zuzhi", roles=[(net.village1, "organiser")]),
        UserFactory(username="bie_xian", roles=[(net.county2, "webmaster")]),
    ):
        with pytest.raises(PermissionDenied):
            handling.answer(message, outsider, "已办理。", public=True)
    message.refresh_from_db()
    assert message.state == MessageState.WAITING and not message.reply
    editor = UserFactory(username="cun_bianji", roles=[(net.village1, "editor")])
    handling.answer(message, editor, "已安排党员志愿者联系您。", public=True)
    with pytest.raises(Refused, match="已答复"):
        handling.answer(message, editor, "再答一次", public=True)
    # a webmaster of the county reaches its villages (same schema)
    second = post(net.village1, address="192.0.2.11")
    county = UserFactory(username="xian_zhanzhang", roles=[(net.county1, "webmaster")])
    assert handling.answer(second, county, "县里已督办。", public=False).state == "answered"


def test_a_message_referred_up_belongs_to_the_parent_with_a_fresh_deadline(net):
    message = post(net.village1)
    staff = UserFactory(username="cun_zhanzhang", roles=[(net.village1, "webmaster")])
    with pytest.raises(Refused, match="理由"):
        handling.refer_up(message, staff, "  ")
    referred = handling.refer_up(message, staff, "涉及全镇道路，请镇里办理")
    assert referred.node == net.town1 and referred.origin == net.village1
    assert referred.due_on == due_date(net.town1, referred.clock_from)
    with pytest.raises(PermissionDenied):  # the village no longer owns it
        handling.answer(referred, staff, "已修好", public=True)
    town = UserFactory(username="zhen_shenhe", roles=[(net.town1, "reviewer")])
    assert handling.answer(referred, town, "镇里已安排维修。", public=True).replied_by == town
    kinds = list(referred.steps.values_list("kind", "node__code"))
    assert kinds == [
        (StepKind.POSTED, net.village1.code),
        (StepKind.REFERRED, net.town1.code),
        (StepKind.REPLIED, net.town1.code),
    ]
    province = UserFactory(username="sheng_zhanzhang", roles=[(net.province, "webmaster")])
    top = post(net.province, address="192.0.2.12")
    with pytest.raises(Refused, match="没有上级"):
        handling.refer_up(top, province, "请上级办理")


def test_reading_the_phone_number_is_recorded_and_outsiders_cannot(net):
    message = post(net.village1)
    staff = UserFactory(username="cun_dianhua", roles=[(net.village1, "webmaster")])
    assert handling.read_phone(message, staff) == "13800000000"
    read = MessageStep.objects.get(message=message, kind=StepKind.PHONE_READ)
    assert read.actor == staff
    with pytest.raises(PermissionDenied):
        handling.read_phone(message, UserFactory(username="ling_dianhua",
                                                 roles=[(net.village2, "webmaster")]))  # fmt: skip
    assert MessageStep.objects.filter(kind=StepKind.PHONE_READ).count() == 1


def test_hiding_needs_a_reason_and_takes_it_off_the_clock(net):
    message = post(net.village1)
    staff = UserFactory(username="cun_yincang", roles=[(net.village1, "webmaster")])
    with pytest.raises(Refused, match="理由"):
        handling.hide(message, staff, "")
    assert handling.hide(message, staff, "广告").state == MessageState.HIDDEN
