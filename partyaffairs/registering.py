"""Keeping a node's register: organisations, members, meetings, rewards, appraisals.

Every function checks who is asking (partyaffairs.access), writes the member's history
and the audit trail, and asks for the figures to be recounted. Refusals are one plain
sentence (PartyAffairsError) and write nothing. Run in the node's schema.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from network.models import Node
from network.people import person

from . import idcards
from .access import audit, require_register
from .errors import PartyAffairsError
from .ledger.models import AuditAction
from .models import (
    Appraisal,
    Meeting,
    MeetingPhoto,
    Member,
    MemberEvent,
    MemberStatus,
    Organisation,
)
from .models.member import ACTIVE_STATUSES, EventKind
from .models.organisation import TERM_YEARS
from .outbox import refresh_figures_later

# The member fields a form or a spreadsheet row sets (identity number apart).
MEMBER_FIELDS = (
    "name", "gender", "birth_date", "ethnicity", "education", "joined_on",
    "full_member_on", "phone", "status",
)  # fmt: skip
PROBATION = relativedelta(years=1)
ADULT = relativedelta(years=18)


def add_event(member, kind, text, node: Node, user=None, at=None) -> MemberEvent:
    return MemberEvent.objects.create(
        member=member, kind=kind, text=text, node_name=node.name,
        actor_name=person(user) if user is not None else "", at=at or timezone.now(),
    )  # fmt: skip


def add_organisation(user, node: Node, *, name, kind, parent=None, term_started_on=None):
    require_register(user, node)
    if parent is not None and parent.node_code != node.code:
        raise PartyAffairsError("上级组织须是本站点的党组织。")
    if Organisation.objects.filter(node_code=node.code, name=name).exists():
        raise PartyAffairsError(f"本站点已有名为“{name}”的党组织。")
    term_ends_on = (
        term_started_on + relativedelta(years=TERM_YEARS[kind]) if term_started_on else None
    )
    organisation = Organisation.objects.create(
        node_code=node.code, name=name, kind=kind, parent=parent,
        term_started_on=term_started_on, term_ends_on=term_ends_on,
    )  # fmt: skip
    refresh_figures_later(node)
    return organisation


def renew_term(user, node: Node, organisation, started_on: date) -> None:
    """换届: a new term starts; the next 换届 falls due a term later."""
    require_register(user, node)
    organisation.term_started_on = started_on
    organisation.term_ends_on = started_on + relativedelta(years=TERM_YEARS[organisation.kind])
    organisation.save(update_fields=["term_started_on", "term_ends_on"])
    refresh_figures_later(node)


def data_problem(node: Node, data: dict, today=None) -> str | None:
    """What is wrong with a member's data on its own (no query), in one sentence."""
    today = today or timezone.localdate()
    organisation = data.get("organisation")
    if organisation is None or organisation.node_code != node.code:
        return "请选择本站点的党组织。"
    if not data.get("name"):
        return "请填写姓名。"
    birth, joined, full = data["birth_date"], data["joined_on"], data.get("full_member_on")
    if birth > today or joined > today or (full and full > today):
        return "日期不能晚于今天。"
    if joined < birth + ADULT:
        return "入党时应已年满十八周岁，请核对出生日期和入党日期。"
    if full and full < joined + PROBATION:
        return "转正日期应在入党（接收为预备党员）一年以后。"
    if data.get("status") == MemberStatus.PROBATIONARY and full:
        return "预备党员不应有转正日期。"
    if data.get("id_number"):
        try:
            number = idcards.validate(data["id_number"])
        except ValidationError as error:
            return error.messages[0]
        if number[6:14] != birth.strftime("%Y%m%d"):
            return "身份证号码中的出生日期与填写的出生日期不一致。"
    return None


DUPLICATE_NUMBER = "该身份证号码已在本站点登记过党员档案。"


def set_leadership(user, node: Node, organisation, *, secretary=None, committee=()) -> None:
    """书记 and 委员 of an organisation: members of the node."""
    require_register(user, node)
    chosen = [m for m in (secretary, *committee) if m is not None]
    if any(m.node_code != node.code or m.status not in ACTIVE_STATUSES for m in chosen):
        raise PartyAffairsError("书记和委员须是本站点在册的党员。")
    organisation.secretary = secretary
    organisation.save(update_fields=["secretary"])
    organisation.committee.set(committee)


def member_problem(node: Node, data: dict, *, member=None) -> str | None:
    """data_problem, and an identity number already on another record of the node."""
    problem = data_problem(node, data)
    if problem or not data.get("id_number"):
        return problem
    fingerprint = idcards.fingerprint(idcards.normalise(data["id_number"]))
    duplicate = Member.objects.filter(node_code=node.code, id_number_hash=fingerprint)
    if member is not None:
        duplicate = duplicate.exclude(pk=member.pk)
    return DUPLICATE_NUMBER if duplicate.exists() else None


def _apply(member, data: dict) -> list[str]:
    """Set the fields; returns the labels of those that changed."""
    changed = []
    for field in MEMBER_FIELDS:
        if field in data and getattr(member, field) != data[field]:
            setattr(member, field, data[field])
            changed.append(str(Member._meta.get_field(field).verbose_name))
    if data.get("organisation") is not None and member.organisation_id != data["organisation"].pk:
        member.organisation = data["organisation"]
        changed.append("所在党组织")
    number = idcards.normalise(data.get("id_number") or "")
    if number and idcards.fingerprint(number) != member.id_number_hash:
        member.id_number_encrypted = idcards.encrypt(number)
        member.id_number_masked = idcards.mask(number)
        member.id_number_hash = idcards.fingerprint(number)
        changed.append("身份证号码")
    return changed


def register_member(user, node: Node, data: dict) -> Member:
    require_register(user, node)
    problem = member_problem(node, data)
    if problem:
        raise PartyAffairsError(problem)
    with transaction.atomic():
        member = Member(node_code=node.code)
        _apply(member, data)
        try:
            member.save()
        except IntegrityError:  # a concurrent registration of the same number
            raise PartyAffairsError(DUPLICATE_NUMBER) from None
        add_event(member, EventKind.REGISTERED, f"登记入{member.organisation}", node, user)
        audit(user, node, AuditAction.CREATE, member)
        refresh_figures_later(node)
    return member


def change_member(user, node: Node, member, data: dict) -> list[str]:
    require_register(user, node)
    problem = member_problem(node, data, member=member)
    if problem:
        raise PartyAffairsError(problem)
    with transaction.atomic():
        old_status = member.get_status_display()
        changed = _apply(member, data)
        if not changed:
            return []
        member.save()
        if "党籍状态" in changed:
            text = f"党籍状态：{old_status} → {member.get_status_display()}"
            add_event(member, EventKind.STATUS, text, node, user)
        add_event(member, EventKind.CHANGED, "修改了" + "、".join(changed), node, user)
        audit(user, node, AuditAction.CHANGE, member, "、".join(changed))
        refresh_figures_later(node)
    return changed


def add_commendation(user, node: Node, member, *, kind, title, decided_on, issuer=""):
    require_register(user, node)
    commendation = member.commendations.create(
        kind=kind, title=title, decided_on=decided_on, issuer=issuer, recorded_by=user
    )
    text = f"{commendation.get_kind_display()}：{title}（{decided_on:%Y年%m月%d日}）"
    add_event(member, EventKind.COMMENDATION, text, node, user)
    audit(user, node, AuditAction.CHANGE, member, text)
    return commendation


def record_appraisal(user, node: Node, member, *, year: int, result: str):
    """民主评议: one result a year; a second entry for the year replaces the first."""
    require_register(user, node)
    if year > timezone.localdate().year:
        raise PartyAffairsError("评议年度不能晚于今年。")
    appraisal, _ = Appraisal.objects.update_or_create(
        member=member, year=year, defaults={"result": result}
    )
    text = f"{year}年度民主评议：{appraisal.get_result_display()}"
    add_event(member, EventKind.CHANGED, text, node, user)
    audit(user, node, AuditAction.CHANGE, member, text)
    return appraisal


def record_meeting(user, node: Node, *, organisation, kind, held_on, topic, minutes="",
                   attendees=(), images=()) -> Meeting:  # fmt: skip
    """三会一课 and 生活会 records: attendees must be the organisation's own members."""
    require_register(user, node)
    if organisation.node_code != node.code:
        raise PartyAffairsError("请选择本站点的党组织。")
    if held_on > timezone.localdate():
        raise PartyAffairsError("会议日期不能晚于今天。")
    strangers = [m for m in attendees if m.node_code != node.code]
    if strangers:
        raise PartyAffairsError("参会党员须是本站点的党员。")
    with transaction.atomic():
        meeting = Meeting.objects.create(
            organisation=organisation, node_code=node.code, kind=kind, held_on=held_on,
            topic=topic, minutes=minutes, recorded_by=user,
        )  # fmt: skip
        meeting.attendees.set(attendees)
        MeetingPhoto.objects.bulk_create(MeetingPhoto(meeting=meeting, image=i) for i in images)
        refresh_figures_later(node)
    return meeting
