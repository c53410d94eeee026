import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class MemberStatus(models.TextChoices):
    FULL = "full", "正式党员"
    PROBATIONARY = "probationary", "预备党员"
    MOBILE = "mobile", "流动党员"
    SUSPENDED = "suspended", "停止党籍"
    LEFT = "left", "出党"
    DECEASED = "deceased", "去世"
    # A stub left behind by 组织关系接转 (partyaffairs.transferring): the meetings it
    # attended keep its name; its personal fields went with the record.
    TRANSFERRED = "transferred", "已转出"


# Counted as the node's members in lists and figures.
ACTIVE_STATUSES = (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.MOBILE)


class Gender(models.TextChoices):
    MALE = "男", "男"
    FEMALE = "女", "女"


class Education(models.TextChoices):
    POSTGRADUATE = "研究生", "研究生"
    BACHELOR = "大学本科", "大学本科"
    COLLEGE = "大学专科", "大学专科"
    SECONDARY = "中专", "中专"
    HIGH_SCHOOL = "高中", "高中"
    JUNIOR = "初中及以下", "初中及以下"


class Member(models.Model):
    """党员: one member's record. Personal fields (birth date, phone, identity
    number) are shown only to the people partyaffairs.access allows, and every read
    by someone else is written to the audit trail."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node_code = models.CharField("所属站点", max_length=12, db_index=True)
    organisation = models.ForeignKey(
        "partyaffairs.Organisation", verbose_name="所在党组织", on_delete=models.PROTECT,
        related_name="members",
    )  # fmt: skip
    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=2, choices=Gender.choices)
    birth_date = models.DateField("出生日期")
    ethnicity = models.CharField("民族", max_length=20, default="汉族")
    education = models.CharField("学历", max_length=10, choices=Education.choices)
    joined_on = models.DateField("入党日期")
    full_member_on = models.DateField("转正日期", null=True, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    status = models.CharField(
        "党籍状态", max_length=15, choices=MemberStatus.choices, default=MemberStatus.FULL,
        db_index=True,
    )  # fmt: skip
    id_number_encrypted = models.TextField("身份证号码（加密）", blank=True, editable=False)
    id_number_masked = models.CharField("身份证号码", max_length=18, blank=True, editable=False)
    id_number_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "党员"
        verbose_name_plural = "党员"
        ordering = ["node_code", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["node_code", "id_number_hash"],
                condition=~Q(id_number_hash=""),
                name="unique_id_number_in_node",
            )
        ]

    def __str__(self):
        return self.name


class EventKind(models.TextChoices):
    REGISTERED = "registered", "登记"
    CHANGED = "changed", "修改"
    STATUS = "status", "党籍变化"
    TRANSFER_OUT = "transfer_out", "转出"
    TRANSFER_IN = "transfer_in", "转入"
    RECRUITED = "recruited", "发展"
    COMMENDATION = "commendation", "奖惩"


class MemberEvent(models.Model):
    """One line of a member's history; it moves with the record between nodes."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("事项", max_length=15, choices=EventKind.choices)
    text = models.CharField("内容", max_length=500)
    node_name = models.CharField("所在站点", max_length=100)
    actor_name = models.CharField("经办人", max_length=150, blank=True)
    at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "党员档案记录"
        verbose_name_plural = "党员档案记录"
        ordering = ["at", "pk"]

    def __str__(self):
        return self.text


class CommendationKind(models.TextChoices):
    REWARD = "reward", "奖励"
    PUNISHMENT = "punishment", "处分"


class Commendation(models.Model):
    """奖惩: a reward or a disciplinary measure."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="commendations")
    kind = models.CharField("类别", max_length=10, choices=CommendationKind.choices)
    title = models.CharField("名称", max_length=200)
    decided_on = models.DateField("日期")
    issuer = models.CharField("批准机关", max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = "奖惩"
        verbose_name_plural = "奖惩"
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return self.title
