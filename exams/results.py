"""考试成绩, read: each member's best finished attempt, summed by organisation and by
the sites below the node reading them (pass rate, average, score bands), and the
spreadsheet of it."""

from dataclasses import dataclass, field
from decimal import Decimal

from network.exports import as_text, xlsx_bytes
from network.models import Node

from .models import Attempt, AttemptState

BANDS = [(90, "90-100"), (80, "80-89"), (70, "70-79"), (60, "60-69"), (0, "0-59")]


@dataclass
class Group:
    label: str
    scores: list[Decimal] = field(default_factory=list)

    def add(self, score):
        self.scores.append(score)

    @property
    def taken(self) -> int:
        return len(self.scores)

    def passed(self, pass_score) -> int:
        return sum(1 for s in self.scores if s >= pass_score)

    def rate(self, pass_score) -> str:
        return f"{round(100 * self.passed(pass_score) / self.taken)}%" if self.taken else "—"

    @property
    def average(self):
        return round(sum(self.scores) / len(self.scores), 1) if self.scores else None

    @property
    def bands(self) -> list[int]:
        counts = dict.fromkeys((label for _, label in BANDS), 0)
        for score in self.scores:
            counts[next(label for floor, label in BANDS if score >= floor)] += 1
        return [counts[label] for _, label in reversed(BANDS)]


def best_scores(exam, scope: Node):
    """{user id: (best score, node id, organisation)} of members in `scope`'s subtree."""
    rows = (
        Attempt.objects.filter(exam=exam, node__path__startswith=scope.path)
        .exclude(state=AttemptState.ACTIVE)
        .values_list("user_id", "score", "node_id", "organisation")
    )
    best = {}
    for user_id, score, node_id, organisation in rows:
        if user_id not in best or score > best[user_id][0]:
            best[user_id] = (score, node_id, organisation)
    return best


def summary(exam, scope: Node) -> tuple[Group, list[Group], list[Group]]:
    """(everyone, by organisation, by child site of `scope`)."""
    best = best_scores(exam, scope)
    children = {child.pk: child for child in scope.get_children()}
    where = {node_id for _, node_id, _ in best.values()}
    paths = dict(Node.objects.filter(pk__in=where).values_list("pk", "path"))
    child_of = {child.path: child for child in children.values()}
    total, branches, by_org = Group("合计"), {}, {}
    for score, node_id, organisation in best.values():
        total.add(score)
        name = organisation or "（未登记）"
        by_org.setdefault(name, Group(name)).add(score)
        path = paths.get(node_id, "")
        branch = child_of.get(path[: len(scope.path) + Node.steplen])
        if branch is not None:
            branches.setdefault(branch.pk, Group(branch.name)).add(score)
    return total, sorted(by_org.values(), key=lambda g: g.label), list(branches.values())


def workbook(exam, total, organisations, branches) -> bytes:
    rows = [[as_text(exam.title), f"及格分 {exam.pass_score}"]]
    bands = [label for _, label in reversed(BANDS)]
    header = ["范围", "参考人数", "及格人数", "及格率", "平均分", *bands]
    for title, groups in (("合计", [total]), ("按党组织", organisations), ("按下级站点", branches)):
        rows += [[], [title], header]
        rows += [[as_text(group.label), group.taken, group.passed(exam.pass_score),
                  group.rate(exam.pass_score), group.average, *group.bands]
                 for group in groups]  # fmt: skip
    return xlsx_bytes([("成绩统计", rows)])
