"""统计报表: the standard tables, made from roll-up figures (partyaffairs.figures).

Only counts: nothing here names a member, so a 领导查询 sees these and nothing else.
"""

from dataclasses import dataclass
from datetime import date

from .models import MemberStatus, OrganisationKind
from .models.member import ACTIVE_STATUSES, Education, Gender
from .models.recruit import RecruitStage

AGE_BANDS = [(0, 30, "30岁以下"), (31, 40, "31-40岁"), (41, 50, "41-50岁"), (51, 60, "51-60岁"),
             (61, 70, "61-70岁"), (71, 200, "71岁以上")]  # fmt: skip


@dataclass
class Table:
    title: str
    rows: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    def bars(self):
        """(label, count, percent of the largest) for a bar chart drawn in CSS."""
        top = max((count for _, count in self.rows), default=0) or 1
        return [(label, count, round(count * 100 / top)) for label, count in self.rows]


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    return [(label, counts.get(value, 0)) for value, label in choices]


def age_bands(birth_years: dict, today: date) -> list[tuple[str, int]]:
    rows = []
    for low, high, label in AGE_BANDS:
        total = sum(n for year, n in birth_years.items() if low <= today.year - int(year) <= high)
        rows.append((label, total))
    return rows


def tables(figures: dict, today: date) -> list[Table]:
    counts = {name: figures.get(name, {}) for name in (
        "status", "gender", "education", "ethnicity", "birth_year", "join_year",
        "organisation_kind", "recruit_stage", "meeting_quarter", "term_ends_on")}  # fmt: skip
    quarters = sorted(counts["meeting_quarter"].items())[-8:]
    join_years = sorted(counts["join_year"].items(), reverse=True)[:10]
    ethnicities = sorted(counts["ethnicity"].items(), key=lambda item: -item[1])
    statuses = [c for c in MemberStatus.choices if c[0] != MemberStatus.TRANSFERRED]
    return [
        Table("党员按党籍状态", _labelled(counts["status"], statuses)),
        Table("党员按性别", _labelled(counts["gender"], Gender.choices)),
        Table("党员按年龄", age_bands(counts["birth_year"], today)),
        Table("党员按学历", _labelled(counts["education"], Education.choices)),
        Table("党员按民族", ethnicities),
        Table("党员按入党年份（近十年）", join_years),
        Table("党组织按类型", _labelled(counts["organisation_kind"], OrganisationKind.choices)),
        Table("发展党员按阶段", _labelled(counts["recruit_stage"], RecruitStage.choices)),
        Table("会议按季度（三会一课等）", quarters),
    ]


def overdue_terms(figures: dict, today: date) -> int:
    """党组织 whose 换届 date has passed."""
    iso = today.isoformat()
    return sum(n for day, n in figures.get("term_ends_on", {}).items() if day < iso)


def active_members(figures: dict) -> int:
    status = figures.get("status", {})
    return sum(status.get(s, 0) for s in ACTIVE_STATUSES)
