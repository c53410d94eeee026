from django.conf import settings
from django.db import models


class MeetingKind(models.TextChoices):
    # 三会一课
    GENERAL = "general", "支部党员大会"
    COMMITTEE = "committee", "支部委员会"
    GROUP = "group", "党小组会"
    LECTURE = "lecture", "党课"
    # once a year
    DEMOCRATIC_LIFE = "democratic_life", "民主生活会"
    ORGANISATIONAL_LIFE = "organisational_life", "组织生活会"


class Meeting(models.Model):
    """A meeting an organisation held: who came is what attendance is derived from."""

    organisation = models.ForeignKey(
        "partyaffairs.Organisation", verbose_name="党组织", on_delete=models.CASCADE,
        related_name="meetings",
    )  # fmt: skip
    node_code = models.CharField("所属站点", max_length=12, db_index=True)
    kind = models.CharField("会议类型", max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField("召开日期", db_index=True)
    topic = models.CharField("主题", max_length=200)
    minutes = models.TextField("会议记录", blank=True)
    attendees = models.ManyToManyField(
        "partyaffairs.Member", verbose_name="参会党员", blank=True, related_name="meetings"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "会议记录"
        verbose_name_plural = "会议记录"
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.held_on} {self.get_kind_display()}：{self.topic}"


class MeetingPhoto(models.Model):
    """A photo of a meeting, kept in the node's media collection (not public)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "会议照片"
        verbose_name_plural = "会议照片"

    def __str__(self):
        return str(self.image)


class AppraisalResult(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    QUALIFIED = "qualified", "合格"
    BASIC = "basic", "基本合格"
    UNQUALIFIED = "unqualified", "不合格"


class Appraisal(models.Model):
    """民主评议党员: one member's result for one year."""

    member = models.ForeignKey(
        "partyaffairs.Member", on_delete=models.CASCADE, related_name="appraisals"
    )
    year = models.PositiveSmallIntegerField("年度")
    result = models.CharField("评议结果", max_length=15, choices=AppraisalResult.choices)

    class Meta:
        verbose_name = "民主评议"
        verbose_name_plural = "民主评议"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="one_appraisal_a_year")
        ]

    def __str__(self):
        return f"{self.year}：{self.get_result_display()}"
