"""更新监测 and 统计分析 in the demo: the centre's rules and a holiday, then a first
scan, evaluation and this month's figures."""

from datetime import date

from operations.models import TimelinessRule
from operations.scanning import scan_all
from operations.statistics import refresh_current
from operations.timeliness import evaluate
from workdays.models import CalendarDay, DayKind

RULES = [
    ("village", "", 10),
    ("township", "", 10),
    ("county", "通知公告", 5),
]
HOLIDAYS = [(date(2027, 1, 1), "元旦")]


def build_demo_operations(log=print):
    """Idempotent: rules and holidays once; the scan and evaluation every run."""
    if not TimelinessRule.objects.exists():
        TimelinessRule.objects.bulk_create(
            TimelinessRule(level=level, column_title=title, working_days=days)
            for level, title, days in RULES
        )
    for day, name in HOLIDAYS:
        CalendarDay.objects.get_or_create(day=day, defaults={"kind": DayKind.HOLIDAY, "name": name})
    columns = scan_all()
    new, _ = evaluate()
    nodes = refresh_current()
    log(
        f"  更新监测：{len(RULES)} 条更新规则，统计 {columns} 个栏目，{new} 处未按时更新；"
        f"统计分析：{nodes} 个站点"
    )
