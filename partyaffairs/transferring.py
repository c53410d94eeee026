"""组织关系接转: moving a member's record to another node's organisation.

The sending officer asks; the receiving officer accepts (接收) or returns it (退回).
Accepting copies the record, its history, rewards and appraisals into the receiving
schema and leaves a stub behind (the sender's meeting records keep the name), all in
one transaction: both schemas are in one database, so nothing is half-moved.
"""

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node

from .access import audit, require_register
from .errors import PartyAffairsError
from .ledger.models import AuditAction, MemberAccount, Transfer, TransferState
from .models import Appraisal, Commendation, Member, MemberEvent, MemberStatus, Organisation
from .models.member import EventKind
from .outbox import refresh_figures_later
from .registering import add_event

# What a stub keeps: enough to name the member in the sender's meeting records.
STUB_CLEARS = {
    "phone": "", "id_number_encrypted": "", "id_number_masked": "", "id_number_hash": "",
}  # fmt: skip
RECORD_FIELDS = [
    f.name for f in Member._meta.concrete_fields if f.name not in ("id", "organisation")
]


def request_transfer(user, from_node: Node, member, to_node: Node, to_organisation_uuid,
                     reason="") -> Transfer:  # fmt: skip
    """Run in the sender's schema."""
    require_register(user, from_node)
    if member.node_code != from_node.code or member.status == MemberStatus.TRANSFERRED:
        raise PartyAffairsError("只能转出本站点在册的党员。")
    with schema_context(to_node.tenant.schema_name):
        organisation = Organisation.objects.filter(
            uuid=to_organisation_uuid, node_code=to_node.code
        ).first()
    if organisation is None:
        raise PartyAffairsError("找不到要转入的党组织，请重新选择。")
    if organisation.uuid == member.organisation.uuid:
        raise PartyAffairsError("转入组织不能是该党员现在所在的组织。")
    if Transfer.objects.filter(member_uuid=member.uuid, state=TransferState.PENDING).exists():
        raise PartyAffairsError("该党员已有一项待接收的组织关系接转。")
    transfer = Transfer.objects.create(
        member_uuid=member.uuid, member_name=member.name, from_node=from_node,
        from_organisation_name=member.organisation.name, to_node=to_node,
        to_organisation_uuid=organisation.uuid, to_organisation_name=organisation.name,
        reason=reason, created_by=user,
    )  # fmt: skip
    audit(user, from_node, AuditAction.TRANSFER, member, f"转出至{to_node.name}{organisation}")
    return transfer


def _pending(transfer) -> Transfer:
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if transfer.state != TransferState.PENDING:
        raise PartyAffairsError("该接转已处理过了。")
    return transfer


def _take_record(from_node: Node, member_uuid) -> dict:
    """The member's whole record (fields, history, rewards, appraisals) as read in the
    sender's schema."""
    with schema_context(from_node.tenant.schema_name):
        member = Member.objects.select_related("organisation").get(uuid=member_uuid)
        record = {
            "fields": model_to_dict(member, fields=RECORD_FIELDS),
            "uuid": member.uuid, "id_number_encrypted": member.id_number_encrypted,
            "id_number_masked": member.id_number_masked, "id_number_hash": member.id_number_hash,
            "events": list(member.events.values("kind", "text", "node_name", "actor_name", "at")),
            "commendations": list(member.commendations.values(
                "kind", "title", "decided_on", "issuer")),
            "appraisals": list(member.appraisals.values("year", "result")),
        }  # fmt: skip
        return record


def _clear_history(member) -> None:
    member.events.all().delete()
    member.commendations.all().delete()
    member.appraisals.all().delete()


def _leave_stub(from_node: Node, member_uuid, to_node: Node, user) -> None:
    with schema_context(from_node.tenant.schema_name):
        member = Member.objects.get(uuid=member_uuid)
        Member.objects.filter(pk=member.pk).update(status=MemberStatus.TRANSFERRED, **STUB_CLEARS)
        _clear_history(member)
        add_event(member, EventKind.TRANSFER_OUT, f"组织关系转至{to_node.name}", from_node, user)


def _place_record(record: dict, to_node: Node, organisation_uuid, user, from_node) -> Member:
    with schema_context(to_node.tenant.schema_name):
        organisation = Organisation.objects.get(uuid=organisation_uuid)
        duplicate = Member.objects.filter(
            node_code=to_node.code, id_number_hash=record["id_number_hash"]
        ).exclude(uuid=record["uuid"])
        if record["id_number_hash"] and duplicate.exists():
            raise PartyAffairsError("接收站点已有该身份证号码的党员档案，请先核对。")
        member = Member.objects.filter(uuid=record["uuid"]).first() or Member(uuid=record["uuid"])
        for field, value in record["fields"].items():
            setattr(member, field, value)
        for field in ("id_number_encrypted", "id_number_masked", "id_number_hash"):
            setattr(member, field, record[field])
        member.node_code, member.organisation = to_node.code, organisation
        member.save()
        _clear_history(member)  # a revived stub's; the record brings the whole history
        MemberEvent.objects.bulk_create(MemberEvent(member=member, **e) for e in record["events"])
        Commendation.objects.bulk_create(
            Commendation(member=member, **c) for c in record["commendations"]
        )
        Appraisal.objects.bulk_create(Appraisal(member=member, **a) for a in record["appraisals"])
        add_event(
            member, EventKind.TRANSFER_IN,
            f"组织关系由{from_node.name}转入{organisation}", to_node, user,
        )  # fmt: skip
        return member


def accept_transfer(user, transfer) -> None:
    require_register(user, transfer.to_node)
    from_node, to_node = transfer.from_node, transfer.to_node
    with transaction.atomic():
        transfer = _pending(transfer)
        record = _take_record(from_node, transfer.member_uuid)
        # Within one schema the row itself moves (a stub would clash with its UUID).
        if from_node.tenant_id != to_node.tenant_id:
            _leave_stub(from_node, transfer.member_uuid, to_node, user)
        _place_record(record, to_node, transfer.to_organisation_uuid, user, from_node)
        MemberAccount.objects.filter(member_uuid=transfer.member_uuid).update(node=to_node)
        transfer.state, transfer.decided_by, transfer.decided_at = (
            TransferState.ACCEPTED, user, timezone.now(),
        )  # fmt: skip
        transfer.save(update_fields=["state", "decided_by", "decided_at"])
        audit(user, to_node, AuditAction.TRANSFER, transfer.member_uuid, f"接收自{from_node.name}")
        refresh_figures_later(from_node)
        refresh_figures_later(to_node)


def return_transfer(user, transfer, reply: str) -> None:
    require_register(user, transfer.to_node)
    if not reply.strip():
        raise PartyAffairsError("退回时请写明理由。")
    with transaction.atomic():
        transfer = _pending(transfer)
        transfer.state, transfer.reply = TransferState.RETURNED, reply.strip()[:200]
        transfer.decided_by, transfer.decided_at = user, timezone.now()
        transfer.save(update_fields=["state", "reply", "decided_by", "decided_at"])
        audit(user, transfer.to_node, AuditAction.TRANSFER, transfer.member_uuid,
              f"退回：{transfer.reply}")  # fmt: skip
