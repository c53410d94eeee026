"""党员批量导入: the whole file is checked before anything is written; then it is
written in batches that each commit with the job's progress, so an interrupted import
resumes where it stopped (partyaffairs.models.ImportJob).
"""

import hashlib
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node
from network.people import person

from . import idcards
from .access import audit, require_register
from .errors import PartyAffairsError
from .ledger.models import AuditAction, AuditEntry
from .models import ImportJob, ImportState, Member, MemberEvent, MemberStatus, Organisation
from .models.member import Education, EventKind, Gender
from .outbox import refresh_figures_later
from .registering import DUPLICATE_NUMBER, data_problem
from .spreadsheets import header_map, parse_date, read_table

BATCH = 2000
MAX_ERRORS_SHOWN = 50
STATUS_LABELS = {
    **{label: value for value, label in MemberStatus.choices if value != "transferred"},
    "正式": MemberStatus.FULL, "预备": MemberStatus.PROBATIONARY, "流动": MemberStatus.MOBILE,
}  # fmt: skip
EDUCATION_LABELS = {
    **{label: value for value, label in Education.choices},
    "博士": Education.POSTGRADUATE, "硕士": Education.POSTGRADUATE, "本科": Education.BACHELOR,
    "大专": Education.COLLEGE, "专科": Education.COLLEGE, "中技": Education.SECONDARY,
    "职高": Education.SECONDARY, "初中": Education.JUNIOR, "小学": Education.JUNIOR,
}  # fmt: skip
DATE_FIELDS = {"birth_date": "出生日期", "joined_on": "入党日期", "full_member_on": "转正日期"}


class ImportRefused(PartyAffairsError):
    def __init__(self, problems: list[str], total: int):
        self.problems, self.total = problems, total
        super().__init__(f"文件中有{total}处错误，没有导入任何记录。请改正后重新导入。")


@dataclass
class Scope:
    """The nodes one import may write to: the node and its descendants in its schema."""

    nodes: dict[str, Node]
    organisations: dict[str, list[Organisation]] = field(default_factory=dict)

    @classmethod
    def of(cls, node: Node) -> "Scope":
        nodes = Node.objects.filter(path__startswith=node.path, tenant_id=node.tenant_id)
        scope = cls({n.code: n for n in nodes.select_related("tenant")})
        for organisation in Organisation.objects.filter(node_code__in=scope.nodes):
            scope.organisations.setdefault(organisation.name, []).append(organisation)
        return scope

    def node_named(self, text: str) -> Node | None:
        return self.nodes.get(text) or next(
            (n for n in self.nodes.values() if n.name == text), None
        )

    def organisation(self, name: str, node_text: str) -> Organisation | str:
        candidates = self.organisations.get(name, [])
        if node_text:
            node = self.node_named(node_text)
            if node is None:
                return f"所属站点“{node_text}”不在本次导入的范围内。"
            candidates = [o for o in candidates if o.node_code == node.code]
        if not candidates:
            return f"找不到党组织“{name}”，请先在党组织管理中建立。"
        if len(candidates) > 1:
            return f"有多个站点都有“{name}”，请填写“所属站点”一列。"
        return candidates[0]


def _text(row, index) -> str:
    if index is None or index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    return (
        str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
    )


def _row_data(row, columns, scope: Scope):
    """(data, None) or (None, problem) for one spreadsheet row."""
    data = {key: _text(row, columns.get(key)) for key in columns}
    for key, label in DATE_FIELDS.items():
        raw = row[columns[key]] if key in columns and columns[key] < len(row) else None
        try:
            data[key] = parse_date(raw)
        except ValueError:
            return None, f"{label}“{raw}”不是有效日期（例：1980-05-12）。"
    for key in ("birth_date", "joined_on"):
        if data[key] is None:
            return None, f"{DATE_FIELDS[key]}不能为空。"
    if data["gender"] not in Gender.values:
        return None, f"性别应填“男”或“女”，不是“{data['gender']}”。"
    data["education"] = EDUCATION_LABELS.get(data["education"])
    if data["education"] is None:
        return None, f"学历应为{'、'.join(Education.values)}之一。"
    status = data.get("status") or "正式党员"
    data["status"] = STATUS_LABELS.get(status)
    if data["status"] is None:
        return None, f"党籍状态“{status}”无法识别。"
    data["ethnicity"] = data.get("ethnicity") or "汉族"
    organisation = scope.organisation(data["organisation"], data.pop("node", ""))
    if isinstance(organisation, str):
        return None, organisation
    data["organisation"] = organisation
    return data, None


def _filled_rows(table: list[list]) -> list[tuple[int, list]]:
    """(line number, cells) of every row below the header with anything in it."""
    return [
        (line, row)
        for line, row in enumerate(table[1:], start=2)
        if any(cell not in (None, "") for cell in row)
    ]


def check_rows(table: list[list], scope: Scope) -> tuple[list[tuple[int, dict]], list[str]]:
    """Every row checked: ([(line, data)], [line-numbered problems])."""
    if not table:
        raise PartyAffairsError("文件是空的。")
    columns = header_map(table[0])
    rows, problems, numbers = [], [], {}
    existing = set(
        Member.objects.filter(node_code__in=scope.nodes)
        .exclude(id_number_hash="")
        .values_list("node_code", "id_number_hash")
    )
    today = timezone.localdate()
    for line, row in _filled_rows(table):
        data, problem = _row_data(row, columns, scope)
        if data is not None:
            node = scope.nodes[data["organisation"].node_code]
            problem = data_problem(node, data, today)
        if problem is None and data.get("id_number"):
            key = (node.code, idcards.fingerprint(idcards.normalise(data["id_number"])))
            if key in existing:
                problem = DUPLICATE_NUMBER
            elif key in numbers:
                problem = f"身份证号码与第{numbers[key]}行重复。"
            numbers.setdefault(key, line)
        if problem:
            problems.append(f"第{line}行：{problem}")
        else:
            rows.append((line, data))
    if not rows and not problems:
        raise PartyAffairsError("文件中没有党员记录。")
    return rows, problems


def start_import(user, node: Node, file_name: str, content: bytes) -> ImportJob:
    """Check the whole file and create its job (or find the unfinished job of the same
    file, to resume it). Refuses with every problem listed; writes nothing then.
    Run in the node's schema."""
    require_register(user, node)
    digest = hashlib.sha256(content).hexdigest()
    unfinished = ImportJob.objects.filter(
        node_code=node.code,
        sha256=digest,
        state__in=[ImportState.RUNNING, ImportState.FAILED],
        rows_done__gt=0,
    ).first()
    if unfinished is not None:
        return unfinished
    rows, problems = check_rows(read_table(file_name, content), Scope.of(node))
    if problems:
        raise ImportRefused(problems[:MAX_ERRORS_SHOWN], len(problems))
    return ImportJob.objects.create(
        node_code=node.code, file_name=file_name[:200], sha256=digest, content=content,
        rows_total=len(rows), started_by=user,
    )  # fmt: skip


def _member(data: dict) -> Member:
    number = idcards.normalise(data.pop("id_number", "") or "")
    organisation = data.pop("organisation")
    return Member(
        node_code=organisation.node_code, organisation=organisation, **data,
        id_number_encrypted=idcards.encrypt(number), id_number_masked=idcards.mask(number),
        id_number_hash=idcards.fingerprint(number),
    )  # fmt: skip


def _write_batch(job, scope, batch, user) -> None:
    with transaction.atomic():
        members = Member.objects.bulk_create([_member(dict(data)) for _, data in batch])
        now, actor = timezone.now(), person(user)
        MemberEvent.objects.bulk_create(
            MemberEvent(member=m, kind=EventKind.REGISTERED, at=now, actor_name=actor,
                        text=f"由《{job.file_name}》导入{m.organisation}",
                        node_name=scope.nodes[m.node_code].name)
            for m in members
        )  # fmt: skip
        AuditEntry.objects.bulk_create(
            AuditEntry(actor=user, actor_name=actor or "系统", node=scope.nodes[m.node_code],
                       member_uuid=m.uuid, action=AuditAction.IMPORT, detail=job.file_name)
            for m in members
        )  # fmt: skip
        ImportJob.objects.filter(pk=job.pk).update(rows_done=job.rows_done + len(batch))
    job.rows_done += len(batch)


def run_import(job: ImportJob, node: Node) -> ImportJob:
    """Write the rows not yet written, batch by batch. Run in the node's schema."""
    user, scope = job.started_by, Scope.of(node)
    job.state, job.error = ImportState.RUNNING, ""
    job.save(update_fields=["state", "error"])
    if job.rows_done == 0:
        try:
            rows, problems = check_rows(read_table(job.file_name, bytes(job.content)), scope)
        except PartyAffairsError as error:
            rows, problems = [], [str(error)]
    else:
        rows, problems = _unwritten(job, scope)
    if problems:  # the register changed since the file was checked
        return _fail(job, f"导入时发现问题：{problems[0]}")
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        try:
            _write_batch(job, scope, batch, user)
        except DatabaseError as error:  # the batch rolled back; those before it stay
            return _fail(
                job,
                f"第{batch[0][0]}至{batch[-1][0]}行写入时出错（{type(error).__name__}），"
                f"已导入{job.rows_done}人；问题排除后重新上传同一文件即可继续导入。",
            )
    job.state, job.finished_at = ImportState.DONE, timezone.now()
    job.save(update_fields=["state", "finished_at"])
    audit(user, node, AuditAction.IMPORT, None, f"《{job.file_name}》共{job.rows_done}人")
    for code in {data["organisation"].node_code for _, data in rows}:
        refresh_figures_later(scope.nodes[code])
    return job


def _unwritten(job, scope):
    """The rows after those already written, read without the duplicate check (the
    written rows are in the register now): ([(line, data)], [problems])."""
    table = read_table(job.file_name, bytes(job.content))
    columns = header_map(table[0])
    checked, problems = [], []
    for line, row in _filled_rows(table)[job.rows_done :]:
        data, problem = _row_data(row, columns, scope)
        if problem:
            problems.append(f"第{line}行：{problem}")
        checked.append((line, data))
    return checked, problems


def _fail(job, message) -> ImportJob:
    job.state, job.error = ImportState.FAILED, message[:500]
    job.save(update_fields=["state", "error"])
    return job


def import_members(user, node: Node, file_name: str, content: bytes) -> ImportJob:
    """Check and write a file in one go (tests, the benchmark, a shell); the admin
    checks in the request and sends the writing to a worker."""
    with schema_context(node.tenant.schema_name):
        job = start_import(user, node, file_name, content)
        return run_import(job, node)
