"""The read side of party affairs: what the officers' screens and 个人中心 show.

Each function runs its queries in the node's schema and returns plain lists, so a
template rendered afterwards (in whatever schema) touches no lazy relation.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node

from . import idcards
from .access import audit_read
from .ledger.models import AuditEntry, MemberAccount, NodeFigures, Transfer, TransferState
from .models import Meeting, Member, MemberStatus, Organisation, Recruit, RecruitStage
from .models.member import ACTIVE_STATUSES
from .recruiting_rules import earliest, next_stage

PAGE_SIZE = 50
TERM_WARNING_DAYS = 90


def in_schema(node: Node):
    return schema_context(node.tenant.schema_name)


def organisations_of(node: Node) -> list[Organisation]:
    with in_schema(node):
        return list(
            Organisation.objects.filter(node_code=node.code)
            .select_related("parent", "secretary")
            .annotate(member_count=Count("members", filter=Q(members__status__in=ACTIVE_STATUSES)))
        )


def active_members_of(node: Node) -> list[Member]:
    with in_schema(node):
        return list(
            Member.objects.filter(node_code=node.code, status__in=ACTIVE_STATUSES).only(
                "pk", "name", "uuid", "node_code"
            )
        )


@dataclass
class Overview:
    node: Node
    organisations: list
    member_count: int
    terms_due: list
    meetings: list
    dues: list
    incoming: list
    outgoing: list


def overview(node: Node) -> Overview:
    today = timezone.localdate()
    organisations = organisations_of(node)
    warn = today + timedelta(days=TERM_WARNING_DAYS)
    with in_schema(node):
        member_count = Member.objects.filter(
            node_code=node.code, status__in=ACTIVE_STATUSES
        ).count()
        meetings = list(
            Meeting.objects.filter(node_code=node.code)
            .select_related("organisation")
            .annotate(attendee_count=Count("attendees"))[:10]
        )
        dues = due_next(node)
    return Overview(
        node=node, organisations=organisations, member_count=member_count,
        terms_due=[o for o in organisations if o.term_ends_on and o.term_ends_on <= warn],
        meetings=meetings, dues=dues,
        incoming=list(Transfer.objects.filter(to_node=node, state=TransferState.PENDING)
                      .select_related("from_node")),
        outgoing=list(Transfer.objects.filter(from_node=node).select_related("to_node")[:10]),
    )  # fmt: skip


def member_list(node: Node, *, query="", status="active", page=1) -> tuple[list, int]:
    with in_schema(node):
        members = Member.objects.filter(node_code=node.code).select_related("organisation")
        if status == "active":
            members = members.filter(status__in=ACTIVE_STATUSES)
        elif status:
            members = members.filter(status=status)
        if query:
            members = members.filter(
                Q(name__contains=query) | Q(organisation__name__contains=query)
            )
        total = members.count()
        start = (page - 1) * PAGE_SIZE
        return list(members[start : start + PAGE_SIZE]), total


@dataclass
class Record:
    member: Member
    id_number: str
    events: list
    meetings: list
    meetings_held: int
    commendations: list
    appraisals: list
    account: object
    trail: list


def member_record(user, node: Node, member_uuid) -> Record | None:
    """A member's whole record, for those access allows; the read is audited."""
    with in_schema(node):
        member = (
            Member.objects.filter(uuid=member_uuid, node_code=node.code)
            .select_related("organisation")
            .first()
        )
        if member is None:
            return None
        held = Meeting.objects.filter(
            organisation=member.organisation, held_on__gte=member.joined_on
        )
        record = Record(
            member=member,
            id_number=idcards.decrypt(member.id_number_encrypted),
            events=list(member.events.all()),
            meetings=list(member.meetings.select_related("organisation").order_by("-held_on")),
            meetings_held=held.count(),
            commendations=list(member.commendations.all()),
            appraisals=list(member.appraisals.all()),
            account=None,
            trail=[],
        )
    audit_read(user, node, member)
    record.account = (
        MemberAccount.objects.filter(member_uuid=member.uuid).select_related("user").first()
    )
    record.trail = list(AuditEntry.objects.filter(member_uuid=member.uuid)[:20])
    return record


@dataclass
class MeetingRecord:
    meeting: Meeting
    attendees: list
    absentees: list
    photos: list  # (thumbnail URL, full-size URL, title)


def meetings_of(node: Node, limit=100) -> list[Meeting]:
    with in_schema(node):
        return list(
            Meeting.objects.filter(node_code=node.code)
            .select_related("organisation")
            .annotate(
                attendee_count=Count("attendees"), photo_count=Count("photos", distinct=True)
            )[:limit]
        )


def meeting_record(node: Node, pk: int) -> MeetingRecord | None:
    """A meeting with who came, who did not, and its photos' renditions (made here, in
    the node's schema, so the page renders anywhere)."""
    with in_schema(node):
        meeting = (
            Meeting.objects.filter(pk=pk, node_code=node.code)
            .select_related("organisation")
            .first()
        )
        if meeting is None:
            return None
        attendees = list(meeting.attendees.order_by("name"))
        came = {m.pk for m in attendees}
        members = Member.objects.filter(
            organisation=meeting.organisation, status__in=ACTIVE_STATUSES,
            joined_on__lte=meeting.held_on,
        ).order_by("name")  # fmt: skip
        photos = [
            (p.image.get_rendition("fill-240x180").url, p.image.get_rendition("max-1600x1600").url,
             p.image.title)
            for p in meeting.photos.select_related("image")
        ]  # fmt: skip
        return MeetingRecord(meeting, attendees, [m for m in members if m.pk not in came], photos)


def organisation_with_members(node: Node, organisation_uuid):
    with in_schema(node):
        organisation = (
            Organisation.objects.filter(uuid=organisation_uuid, node_code=node.code)
            .select_related("secretary")
            .first()
        )
        if organisation is None:
            return None, [], []
        committee = list(organisation.committee.values_list("pk", flat=True))
        return organisation, active_members_of(node), committee


def recruits_of(node: Node) -> list[Recruit]:
    with in_schema(node):
        return list(Recruit.objects.filter(node_code=node.code).select_related("organisation"))


def export_rows(node: Node) -> list[list]:
    """The node's members for a spreadsheet, identity numbers masked."""
    with in_schema(node):
        members = Member.objects.filter(node_code=node.code).exclude(
            status=MemberStatus.TRANSFERRED
        )
        return [
            [m.name, m.gender, m.ethnicity, m.birth_date, m.id_number_masked, m.education,
             m.joined_on, m.full_member_on, m.organisation.name, node.code, m.phone,
             m.get_status_display()]
            for m in members.select_related("organisation")
        ]  # fmt: skip


def audit_trail(node: Node, limit=200) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(node=node).select_related("actor")[:limit])


def figures_of(node: Node) -> dict:
    row = NodeFigures.objects.filter(node=node).first()
    return row.subtree if row else {}


def children_figures(node: Node) -> list[tuple[Node, dict]]:
    children = Node.objects.filter(path__startswith=node.path, depth=node.depth + 1).order_by(
        "path"
    )
    rows = {f.node_id: f.subtree for f in NodeFigures.objects.filter(node__in=children)}
    return [(child, rows.get(child.pk, {})) for child in children]


@dataclass
class Due:
    recruit: Recruit
    stage: str
    first_day: date | None  # None: the 公示 comes first

    @property
    def stage_label(self):
        return RecruitStage(self.stage).label


def due_next(node: Node) -> list[Due]:
    """What the officer has to do next, soonest first. Run in the node's schema."""
    dues = []
    recruits = Recruit.objects.filter(node_code=node.code).exclude(stage=RecruitStage.FULL)
    for recruit in recruits.select_related("organisation"):
        stage = next_stage(recruit)
        dues.append(Due(recruit, stage, earliest(recruit, stage)))
    return sorted(dues, key=lambda due: (due.first_day is not None, due.first_day or date.min))


def reminders(node: Node) -> list[tuple[str, str]]:
    """What needs the officer now: (sentence, screen name) for the dashboard."""
    today = timezone.localdate()
    notes = []
    incoming = Transfer.objects.filter(to_node=node, state=TransferState.PENDING).count()
    if incoming:
        notes.append((f"有{incoming}名党员的组织关系等待接收。", "xf_party_transfers"))
    warn = today + timedelta(days=TERM_WARNING_DAYS)
    with in_schema(node):
        terms = Organisation.objects.filter(node_code=node.code, term_ends_on__lte=warn)
        overdue = terms.filter(term_ends_on__lt=today).count()
        soon = terms.count() - overdue
        dues = due_next(node)
    if overdue:
        notes.append((f"{overdue}个党组织已超过换届日期，请尽快换届。", "xf_party_organisations"))
    if soon:
        notes.append(
            (f"{soon}个党组织将在{TERM_WARNING_DAYS}天内到换届日期。", "xf_party_organisations")
        )
    ready = [d for d in dues if d.first_day is None or d.first_day <= today]
    if ready:
        notes.append((f"{len(ready)}名发展对象可以办理下一步（或须先公示）。", "xf_party_recruits"))
    return notes


def quarters_back(today: date, count: int) -> list[str]:
    """The last `count` quarters, oldest first: ["2026Q1", …]."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    keys = []
    for _ in range(count):
        keys.append(f"{year}Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return keys[::-1]


def meetings_by_organisation(node: Node, today: date, count=4) -> tuple[list, list]:
    """三会一课 held by each of the node's own organisations in the last quarters:
    (quarter keys, [(organisation name, [count per quarter])]). One schema, counts only."""
    keys = quarters_back(today, count)
    first_year, first_quarter = int(keys[0][:4]), int(keys[0][-1])
    since = date(first_year, 3 * first_quarter - 2, 1)
    with in_schema(node):
        held = list(
            Meeting.objects.filter(node_code=node.code, held_on__gte=since).values_list(
                "organisation__name", "held_on"
            )
        )
        names = list(
            Organisation.objects.filter(node_code=node.code).values_list("name", flat=True)
        )
    counts = {name: dict.fromkeys(keys, 0) for name in names}
    for name, day in held:
        counts[name][f"{day.year}Q{(day.month - 1) // 3 + 1}"] += 1
    return keys, [(name, list(by_quarter.values())) for name, by_quarter in counts.items()]
