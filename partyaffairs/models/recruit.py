import uuid

from django.db import models


class RecruitStage(models.TextChoices):
    APPLIED = "applied", "入党申请人"
    ACTIVIST = "activist", "入党积极分子"
    CANDIDATE = "candidate", "发展对象"
    PROBATIONARY = "probationary", "预备党员"
    FULL = "full", "正式党员"


# The date field each stage was reached on, in pipeline order.
STAGE_DATES = {
    RecruitStage.APPLIED: "applied_on",
    RecruitStage.ACTIVIST: "activist_on",
    RecruitStage.CANDIDATE: "candidate_on",
    RecruitStage.PROBATIONARY: "probation_on",
    RecruitStage.FULL: "full_on",
}


class Recruit(models.Model):
    """发展党员: one person on the way from application to full membership.

    partyaffairs.recruiting moves them along and enforces the intervals; from 预备党员
    on, `member` is their register record.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node_code = models.CharField("所属站点", max_length=12, db_index=True)
    organisation = models.ForeignKey(
        "partyaffairs.Organisation", verbose_name="培养党组织", on_delete=models.PROTECT,
        related_name="recruits",
    )  # fmt: skip
    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=2)
    birth_date = models.DateField("出生日期")
    ethnicity = models.CharField("民族", max_length=20, default="汉族")
    education = models.CharField("学历", max_length=10)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    stage = models.CharField(
        "所处阶段", max_length=15, choices=RecruitStage.choices, default=RecruitStage.APPLIED,
        db_index=True,
    )  # fmt: skip
    applied_on = models.DateField("递交入党申请书")
    activist_on = models.DateField("确定为积极分子", null=True, blank=True)
    candidate_on = models.DateField("确定为发展对象", null=True, blank=True)
    probation_on = models.DateField("接收为预备党员", null=True, blank=True)
    full_on = models.DateField("转为正式党员", null=True, blank=True)
    # The 公示 page on the node's site for the step that needs one (its page id in
    # this schema) and the day it went up.
    notice_page_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    notice_for = models.CharField(max_length=15, blank=True, editable=False)
    notice_from = models.DateField("公示开始", null=True, blank=True, editable=False)
    member = models.OneToOneField(
        "partyaffairs.Member", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="recruit",
    )  # fmt: skip
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "发展党员"
        verbose_name_plural = "发展党员"
        ordering = ["node_code", "applied_on", "pk"]

    def __str__(self):
        return self.name
