"""The 发展党员 rules, without side effects: read by the officer's lists
(partyaffairs.queries) and enforced by the workflow (partyaffairs.recruiting)."""

from datetime import date

from dateutil.relativedelta import relativedelta

from workdays.calendar import working_days_after

from .models import RecruitStage
from .models.recruit import STAGE_DATES

ORDER = list(STAGE_DATES)
TRAINING = relativedelta(years=1)
PROBATION = relativedelta(years=1)
NOTICE_WORKING_DAYS = 5
NEEDS_NOTICE = (RecruitStage.PROBATIONARY, RecruitStage.FULL)
NOTICE_COLUMNS = ("党务公开", "通知公告")


def next_stage(recruit) -> str | None:
    position = ORDER.index(recruit.stage)
    return ORDER[position + 1] if position + 1 < len(ORDER) else None


def earliest(recruit, stage) -> date | None:
    """The first day the recruit may reach `stage` (None: a 公示 must come first)."""
    if stage == RecruitStage.ACTIVIST:
        return recruit.applied_on
    if stage == RecruitStage.CANDIDATE:
        return recruit.activist_on + TRAINING
    floor = recruit.candidate_on if stage == RecruitStage.PROBATIONARY else None
    if stage == RecruitStage.FULL:
        floor = recruit.probation_on + PROBATION
    if recruit.notice_for != stage or recruit.notice_from is None:
        return None
    return max(floor, working_days_after(recruit.notice_from, NOTICE_WORKING_DAYS))
