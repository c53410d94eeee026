import uuid
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django_tenants.utils import schema_context

from partyaffairs import idcards
from partyaffairs.errors import PartyAffairsError
from partyaffairs.factories import id_number
from partyaffairs.ledger.models import AuditEntry, Transfer
from partyaffairs.models import Member
from partyaffairs.registering import add_commendation, record_meeting, register_member
from partyaffairs.transferring import accept_transfer, request_transfer, return_transfer

from .conftest import member_data


def schema(node):
    return schema_context(node.tenant.schema_name)


def test_a_member_moves_to_a_village_in_another_county_and_back_without_loss(
    net, officers, branches
):
    number = id_number("340111", date(1975, 4, 8))
    with schema(net.village1):
        member = register_member(officers.village1, net.village1,
                                 member_data(branches.village1, id_number=number))  # fmt: skip
        add_commendation(officers.village1, net.village1, member, kind="reward",
                         title="优秀共产党员", decided_on=date(2025, 7, 1))  # fmt: skip
        meeting = record_meeting(officers.village1, net.village1, organisation=branches.village1,
                                 kind="general", held_on=date(2026, 1, 5), topic="学习",
                                 attendees=[member])  # fmt: skip
        transfer = request_transfer(officers.village1, net.village1, member, net.village3,
                                    branches.village3.uuid, reason="外出务工")  # fmt: skip
    accept_transfer(officers.village3, transfer)

    with schema(net.village3):
        moved = Member.objects.get(uuid=member.uuid)
        assert (moved.node_code, moved.organisation_id) == (net.village3.code, branches.village3.pk)
        assert idcards.decrypt(moved.id_number_encrypted) == number
        assert moved.phone == "13912345678"
        assert [c.title for c in moved.commendations.all()] == ["优秀共产党员"]
        assert [e.kind for e in moved.events.all()] == [
            "registered", "commendation", "transfer_in",
        ]  # fmt: skip
    with schema(net.village1):
        stub = Member.objects.get(uuid=member.uuid)
        assert (stub.status, stub.phone, stub.id_number_encrypted) == ("transferred", "", "")
        assert list(meeting.attendees.all()) == [stub]  # the meeting keeps the name
        transfer_back = None
    with schema(net.village3):
        transfer_back = request_transfer(officers.village3, net.village3, moved, net.village1,
                                         branches.village1.uuid)  # fmt: skip
    accept_transfer(officers.village1, transfer_back)

    with schema(net.village1):
        back = Member.objects.get(uuid=member.uuid)
        assert (back.status, back.node_code) == ("full", net.village1.code)
        assert idcards.decrypt(back.id_number_encrypted) == number
        assert [e.kind for e in back.events.all()] == [
            "registered", "commendation", "transfer_in", "transfer_in",
        ]  # fmt: skip
        assert back.commendations.count() == 1
    with schema(net.village3):
        assert Member.objects.get(uuid=member.uuid).status == "transferred"
    assert Transfer.objects.filter(state="accepted").count() == 2
    assert AuditEntry.objects.filter(member_uuid=member.uuid, action="transfer").count() == 4


def test_a_move_inside_one_schema_moves_the_row(net, officers, branches):
    with schema(net.village1):
        member = register_member(officers.village1, net.village1, member_data(branches.village1))
        transfer = request_transfer(officers.village1, net.village1, member, net.village2,
                                    branches.village2.uuid)  # fmt: skip
    accept_transfer(officers.village2, transfer)
    with schema(net.village2):
        assert Member.objects.filter(uuid=member.uuid).count() == 1
        assert Member.objects.get(uuid=member.uuid).node_code == net.village2.code


def test_refused_transfers_say_why_and_write_nothing(net, officers, branches):
    with schema(net.village1):
        member = register_member(officers.village1, net.village1, member_data(branches.village1))
        with pytest.raises(PartyAffairsError, match="找不到要转入的党组织"):
            request_transfer(officers.village1, net.village1, member, net.village3, uuid.uuid4())
        with pytest.raises(PartyAffairsError, match="找不到要转入的党组织"):  # not village3's
            request_transfer(officers.village1, net.village1, member, net.village3,
                             branches.village2.uuid)  # fmt: skip
        with pytest.raises(PartyAffairsError, match="不能是该党员现在所在的组织"):
            request_transfer(officers.village1, net.village1, member, net.village1,
                             branches.village1.uuid)  # fmt: skip
        with pytest.raises(PermissionDenied):
            request_transfer(officers.village2, net.village1, member, net.village3,
                             branches.village3.uuid)  # fmt: skip
        assert not Transfer.objects.exists()
        transfer = request_transfer(officers.village1, net.village1, member, net.village3,
                                    branches.village3.uuid)  # fmt: skip
        with pytest.raises(PartyAffairsError, match="已有一项待接收"):
            request_transfer(officers.village1, net.village1, member, net.village3,
                             branches.village3.uuid)  # fmt: skip
    with pytest.raises(PermissionDenied):  # only the receiving side accepts
        accept_transfer(officers.village1, transfer)
    with pytest.raises(PartyAffairsError, match="请写明理由"):
        return_transfer(officers.village3, transfer, " ")
    return_transfer(officers.village3, transfer, "材料不全")
    with pytest.raises(PartyAffairsError, match="已处理过"):
        accept_transfer(officers.village3, transfer)
    with schema(net.village1):
        assert Member.objects.get(uuid=member.uuid).status == "full"
    with schema(net.village3):
        assert not Member.objects.filter(uuid=member.uuid).exists()
