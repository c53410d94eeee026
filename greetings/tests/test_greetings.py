"""心灵港湾 on fixed dates: birthdays and 入党纪念日 greet members with accounts once a
year (29 February on 28 February otherwise), not those without one or gone; staff
cards reach a member of their own register only; officers get one to-do note a day;
and a real worker runs the daily task."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from greetings.occasions import falls_on, greet_members
from greetings.tasks import daily_greetings_and_reminders
from greetings.todos import remind_officers
from messageboard.factories import MessageFactory
from messageboard.models import Message
from network.factories import UserFactory
from network.models import Node
from notifications.models import InboxItem
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import AuditEntry, MemberAccount
from partyaffairs.models import Member, Organisation


def member_at(node, name, born, joined, username, status="full"):
    """A member of `node`'s register (born, joined: "YYYY-MM-DD") with an account."""
    born, joined = date.fromisoformat(born), date.fromisoformat(joined)
    with schema_context(node.tenant.schema_name):
        branch = Organisation.objects.filter(node_code=node.code).first() or OrganisationFactory(
            node_code=node.code, name=f"{node.name}党支部"
        )
        member = MemberFactory(organisation=branch, name=name, birth_date=born, joined_on=joined,
                               status=status)  # fmt: skip
    user = UserFactory(username=username, first_name=name)
    MemberAccount.objects.create(user=user, node=node, member_uuid=member.uuid)
    return user


def test_yearly_dates_fall_on_their_day_and_leap_days_in_other_years():
    assert falls_on(date(1970, 5, 4), date(2026, 5, 4))
    assert not falls_on(date(1970, 5, 4), date(2026, 5, 5))
    assert falls_on(date(1984, 2, 29), date(2027, 2, 28))
    assert not falls_on(date(1984, 2, 29), date(2028, 2, 28))  # 2028 has its own 29th
    assert falls_on(date(1984, 2, 29), date(2028, 2, 29))


@pytest.mark.django_db
def test_members_are_greeted_once_on_their_days(net):
    today = date(2026, 7, 1)
    born = member_at(net.village1, "王建国", "1970-07-01", "1995-03-02", "gr_born")
    joined = member_at(net.village3, "李秀英", "1980-01-09", "2001-07-01", "gr_joined")
    member_at(net.village1, "张志强", "1960-08-08", "1990-08-08", "gr_other")
    member_at(net.village2, "刘晓燕", "1970-07-01", "2000-07-01", "gr_gone",
                        status="transferred")  # fmt: skip
    with schema_context(net.county1.tenant.schema_name):  # no account: nobody to reach
        MemberFactory(organisation=Organisation.objects.first(), birth_date=date(1990, 7, 1))
    assert greet_members(today) == 2
    assert greet_members(today) == 0  # a rerun sends nothing twice
    birthday = InboxItem.objects.get(recipient=born)
    assert birthday.title == "【心灵港湾】生日快乐" and "王建国同志" in birthday.body
    anniversary = InboxItem.objects.get(recipient=joined)
    assert "入党25周年" in anniversary.body
    # each links to 个人中心 on the member's own site (village3's, not the admin's host)
    assert birthday.link.startswith("http://village1.localhost") and birthday.link.endswith("/my/")
    assert anniversary.link.startswith("http://village3.localhost")
    assert InboxItem.objects.count() == 2
    assert not AuditEntry.objects.exists()  # no one read a record


@pytest.mark.django_db
def test_a_card_from_the_register_keeper_reaches_the_member(net):
    member = member_at(net.village1, "王建国", "1970-07-01", "1995-03-02", "gr_card")
    account = MemberAccount.objects.get(user=member)
    organiser = UserFactory(username="gr_zuzhi", first_name="秀英", last_name="王",
                            roles=[(net.village1, "organiser")])  # fmt: skip
    client = Client(HTTP_HOST="village1.localhost")
    client.force_login(organiser)
    page = client.get("/admin/greetings/").content.decode()
    assert "王建国" in page
    empty = client.post("/admin/greetings/", {"account": account.pk, "kind": "award", "text": ""})
    assert empty.status_code == 400 and "请选择类别并填写祝福内容" in empty.content.decode()
    sent = client.post("/admin/greetings/", {"account": account.pk, "kind": "award",
                                             "text": "祝贺您获评优秀共产党员！"})  # fmt: skip
    assert sent.status_code == 302
    card = InboxItem.objects.get(recipient=member)
    assert card.title == "【心灵港湾】获奖祝贺" and "王秀英（甲村）" in card.body
    assert card.link.startswith("http://village1.localhost") and card.link.endswith("/my/")
    editor = UserFactory(username="gr_bianji", roles=[(net.village1, "editor")])
    client.force_login(editor)
    assert client.get("/admin/greetings/").status_code == 403
    other = UserFactory(username="gr_zuzhi2", roles=[(net.village2, "organiser")])
    other_client = Client(HTTP_HOST="village2.localhost")
    other_client.force_login(other)
    refused = other_client.post("/admin/greetings/", {"account": account.pk, "kind": "award",
                                                      "text": "冒名"})  # fmt: skip
    assert refused.status_code == 400 and InboxItem.objects.count() == 1


@pytest.mark.django_db
def test_officers_get_one_to_do_note_a_day(net):
    today = date(2026, 7, 1)
    with schema_context(net.county1.tenant.schema_name):
        OrganisationFactory(node_code=net.village1.code, name="甲村党支部",
                            term_started_on=date(2023, 6, 1),
                            term_ends_on=date(2026, 6, 1))  # fmt: skip
    organiser = UserFactory(username="gr_todo", roles=[(net.village1, "organiser")])
    reviewer = UserFactory(username="gr_todo_msg", roles=[(net.village1, "reviewer")])
    MessageFactory(node=net.village1, clock_from=date(2026, 6, 1), due_on=date(2026, 6, 5))
    assert remind_officers(today) == 2
    assert remind_officers(today) == 0
    note = InboxItem.objects.get(recipient=organiser)
    assert "超过换届日期" in note.body and "甲村" in note.body
    assert "三会一课" not in note.body  # July: not a quarter's last month
    assert (
        "网络直通车有0条留言今天到期、1条已逾期" in InboxItem.objects.get(recipient=reviewer).body
    )
    assert remind_officers(date(2026, 7, 2)) == 2  # another day, again
    assert remind_officers(date(2026, 9, 1)) == 2  # a quarter's last month
    september = InboxItem.objects.get(recipient=organiser, topic="greetings.todo.20260901")
    assert "1个党组织本季度还没有记录组织生活会议" in september.body


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        user = member_at(village, "王建国", "1970-07-01", "1995-03-02", "gr_worker")
        yield user
        InboxItem.objects.all().delete()
        Message.objects.all().delete()
        MemberAccount.objects.all().delete()
        with schema_context(village.tenant.schema_name):
            Member.objects.all().delete()
            Organisation.objects.all().delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        connection.set_schema_to_public()


@pytest.mark.celery
def test_a_worker_greets_on_the_day_it_is_told(worker, committed, django_db_blocker):
    result = daily_greetings_and_reminders.delay(today="2026-07-01").get(timeout=60)
    assert result["greetings"] == 1
    again = daily_greetings_and_reminders.delay(today="2026-07-01").get(timeout=60)
    assert again["greetings"] == 0
    with django_db_blocker.unblock():
        assert (
            InboxItem.objects.filter(recipient=committed, topic="greetings.birthday.2026").count()
            == 1
        )
