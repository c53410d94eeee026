"""发展党员: moving a person along the pipeline, with the rules' minimum intervals.

入党申请 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员. A year of training as an
activist before becoming a 发展对象, a year of probation before 转正; becoming a
预备党员 and 转正 each need a 公示 on the node's site for five working days first.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django_tenants.utils import schema_context
from wagtail.rich_text import RichText

from network.models import Node
from sites.lookup import home_path
from sites.models import ArticlePage, ColumnPage
from workdays.calendar import working_days_after

from .access import require_register
from .errors import PartyAffairsError
from .models import Member, MemberStatus, Recruit, RecruitStage
from .models.member import EventKind
from .models.recruit import STAGE_DATES
from .outbox import refresh_figures_later
from .recruiting_rules import (
    NEEDS_NOTICE,
    NOTICE_COLUMNS,
    NOTICE_WORKING_DAYS,
    earliest,
    next_stage,
)  # fmt: skip
from .registering import ADULT, add_event


def add_recruit(user, node: Node, *, organisation, name, gender, birth_date, education,
                applied_on, ethnicity="汉族", phone="") -> Recruit:  # fmt: skip
    require_register(user, node)
    if organisation.node_code != node.code:
        raise PartyAffairsError("请选择本站点的党组织。")
    if applied_on > timezone.localdate():
        raise PartyAffairsError("递交申请书的日期不能晚于今天。")
    if applied_on < birth_date + ADULT:
        raise PartyAffairsError("递交入党申请时应已年满十八周岁。")
    recruit = Recruit.objects.create(
        node_code=node.code, organisation=organisation, name=name, gender=gender,
        birth_date=birth_date, education=education, applied_on=applied_on,
        ethnicity=ethnicity, phone=phone,
    )  # fmt: skip
    refresh_figures_later(node)
    return recruit


def advance(user, node: Node, recruit, stage: str, on: date) -> Recruit:
    """Move the recruit to `stage` on day `on`, or refuse in one sentence."""
    require_register(user, node)
    if stage != next_stage(recruit):
        expected = RecruitStage(next_stage(recruit)).label if next_stage(recruit) else "无"
        raise PartyAffairsError(f"下一步应是“{expected}”，不能跳过或倒退。")
    if on > timezone.localdate():
        raise PartyAffairsError("日期不能晚于今天。")
    first = earliest(recruit, stage)
    if first is None:
        raise PartyAffairsError(f"“{RecruitStage(stage).label}”之前须先在本站公示。")
    if on < first:
        raise PartyAffairsError(
            f"按规定最早于{first:%Y年%m月%d日}才能确定为“{RecruitStage(stage).label}”。"
        )
    with transaction.atomic():
        setattr(recruit, STAGE_DATES[stage], on)
        recruit.stage = stage
        if stage == RecruitStage.PROBATIONARY:
            recruit.member = Member.objects.create(
                node_code=node.code, organisation=recruit.organisation, name=recruit.name,
                gender=recruit.gender, birth_date=recruit.birth_date,
                ethnicity=recruit.ethnicity, education=recruit.education, joined_on=on,
                phone=recruit.phone, status=MemberStatus.PROBATIONARY,
            )  # fmt: skip
            add_event(recruit.member, EventKind.RECRUITED, "接收为预备党员", node, user)
        elif stage == RecruitStage.FULL:
            member = recruit.member
            member.status, member.full_member_on = MemberStatus.FULL, on
            member.save(update_fields=["status", "full_member_on", "updated_at"])
            add_event(member, EventKind.RECRUITED, "预备党员转为正式党员", node, user)
        recruit.save()
        refresh_figures_later(node)
    return recruit


def _column_for_notices(node: Node):
    home = home_path(node)
    columns = ColumnPage.objects.filter(path__startswith=home, depth=len(home) // 4 + 1)
    for title in NOTICE_COLUMNS:
        column = columns.filter(title=title).first()
        if column is not None:
            return column
    column = columns.order_by("path").first()
    if column is None:
        raise PartyAffairsError("本站还没有栏目，无法发布公示。")
    return column


NOTICE_TITLES = {
    RecruitStage.PROBATIONARY: "关于拟发展{name}同志为中共预备党员的公示",
    RecruitStage.FULL: "关于{name}同志预备党员拟转正的公示",
}


def publish_notice(user, node: Node, recruit, on: date | None = None) -> ArticlePage:
    """Put up the 公示 the next step needs, as a published article on the node's site."""
    require_register(user, node)
    stage = next_stage(recruit)
    if stage not in NEEDS_NOTICE:
        raise PartyAffairsError("当前阶段不需要公示。")
    on = on or timezone.localdate()
    ends = working_days_after(on, NOTICE_WORKING_DAYS)
    lines = [
        f"{recruit.name}，{recruit.gender}，{recruit.birth_date:%Y年%m月}出生，"
        f"{recruit.ethnicity}，{recruit.education}学历，{recruit.organisation}。",
        f"{recruit.applied_on:%Y年%m月%d日}递交入党申请书，"
        f"{recruit.activist_on:%Y年%m月%d日}确定为入党积极分子，"
        f"{recruit.candidate_on:%Y年%m月%d日}确定为发展对象。",
        f"公示时间：{on:%Y年%m月%d日}至{ends:%Y年%m月%d日}。公示期间，党员和群众可通过来信、"
        f"来电、来访等方式向{recruit.organisation}反映情况和问题。",
    ]
    with transaction.atomic(), schema_context(node.tenant.schema_name):
        article = ArticlePage(
            title=NOTICE_TITLES[stage].format(name=recruit.name), date=timezone.now(),
            source=str(recruit.organisation), owner=user, live=False,
            publicity_start=on, publicity_end=ends,
            body=[("paragraph", RichText(f"<p>{escape(line)}</p>")) for line in lines],
        )  # fmt: skip
        _column_for_notices(node).add_child(instance=article)
        # The 公示 is the officer's duty, not an editor's: published in their name
        # without page rights (access was checked above).
        revision = article.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        recruit.notice_page_id, recruit.notice_for, recruit.notice_from = article.pk, stage, on
        recruit.save(update_fields=["notice_page_id", "notice_for", "notice_from"])
    return article
