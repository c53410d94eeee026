from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django_tenants.utils import schema_context

from partyaffairs import idcards
from partyaffairs.errors import PartyAffairsError
from partyaffairs.factories import id_number
from partyaffairs.ledger.models import AuditEntry
from partyaffairs.models import Member
from partyaffairs.registering import change_member, record_meeting, register_member

from .conftest import member_data


def test_an_officer_registers_a_member_encrypted_masked_with_history_and_audit(
    net, officers, branches
):
    number = id_number("340111", date(1975, 4, 8))
    with schema_context(net.county1.tenant.schema_name):
        member = register_member(
            officers.village1, net.village1, member_data(branches.village1, id_number=number)
        )
        stored = Member.objects.get(pk=member.pk)
        assert stored.node_code == net.village1.code
        assert number not in stored.id_number_encrypted
        assert idcards.decrypt(stored.id_number_encrypted) == number
        assert stored.id_number_masked == idcards.mask(number)
        assert [e.text for e in stored.events.all()] == ["登记入甲村党支部"]
    entry = AuditEntry.objects.get(member_uuid=member.uuid)
    assert (entry.action, entry.actor, entry.node) == ("create", officers.village1, net.village1)
    assert entry.actor_name == "王秀英"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"full_member_on": date(2001, 12, 1)}, "转正日期应在入党（接收为预备党员）一年以后。"),
        ({"joined_on": date(1990, 1, 1)}, "入党时应已年满十八周岁，请核对出生日期和入党日期。"),
        ({"joined_on": date(2999, 1, 1)}, "日期不能晚于今天。"),
        ({"status": "probationary"}, "预备党员不应有转正日期。"),
        ({"id_number": "123"}, "身份证号码应为18位（最后一位可以是X）。"),
        ({"id_number": id_number("340111", date(1980, 1, 1))},
         "身份证号码中的出生日期与填写的出生日期不一致。"),
        ({"name": ""}, "请填写姓名。"),
    ],
)  # fmt: skip
def test_impossible_data_is_refused_in_one_sentence_and_nothing_is_written(
    net, officers, branches, overrides, message
):
    with schema_context(net.county1.tenant.schema_name), pytest.raises(PartyAffairsError) as no:
        register_member(
            officers.village1, net.village1, member_data(branches.village1, **overrides)
        )
    assert str(no.value) == message
    with schema_context(net.county1.tenant.schema_name):
        assert not Member.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_duplicate_identity_number_in_the_node_is_refused(net, officers, branches):
    number = id_number("340111", date(1975, 4, 8))
    with schema_context(net.county1.tenant.schema_name):
        register_member(officers.village1, net.village1,
                        member_data(branches.village1, id_number=number))  # fmt: skip
        with pytest.raises(PartyAffairsError, match="已在本站点登记过"):
            data = member_data(branches.village1, name="李四", id_number=number)
            register_member(officers.village1, net.village1, data)
        assert Member.objects.count() == 1


def test_a_member_of_another_node_or_organisation_is_refused(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        with pytest.raises(PartyAffairsError, match="请选择本站点的党组织"):
            register_member(officers.village1, net.village1, member_data(branches.village2))
        with pytest.raises(PermissionDenied):
            register_member(officers.village2, net.village1, member_data(branches.village1))
        with pytest.raises(PermissionDenied):  # a webmaster reaching the village is not enough
            register_member(officers.county1_webmaster, net.village1,
                            member_data(branches.village1))  # fmt: skip
        with pytest.raises(PermissionDenied):
            register_member(officers.village1_editor, net.village1, member_data(branches.village1))
        assert not Member.objects.exists()


def test_a_change_is_in_the_history_and_the_audit(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        member = register_member(officers.county1, net.village1, member_data(branches.village1))
        data = member_data(branches.village1, status="mobile", phone="1")
        changed = change_member(officers.village1, net.village1, member, data)
        assert changed == ["联系电话", "党籍状态"]
        texts = [e.text for e in member.events.all()]
        assert "党籍状态：正式党员 → 流动党员" in texts
    assert AuditEntry.objects.filter(action="change", detail="联系电话、党籍状态").exists()


def test_attendance_comes_from_meetings_of_the_members_own_node(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        here = register_member(officers.village1, net.village1, member_data(branches.village1))
        there = register_member(officers.village2, net.village2, member_data(branches.village2))
        meeting = record_meeting(
            officers.village1, net.village1, organisation=branches.village1, kind="general",
            held_on=date(2026, 10, 9), topic="学习党章", attendees=[here],
        )  # fmt: skip
        assert list(here.meetings.all()) == [meeting]
        with pytest.raises(PartyAffairsError, match="参会党员须是本站点的党员"):
            record_meeting(
                officers.village1, net.village1, organisation=branches.village1,
                kind="lecture", held_on=date(2026, 10, 9), topic="党课", attendees=[there],
            )  # fmt: skip
