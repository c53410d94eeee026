"""网络直通车: the public's messages to a node, in the public schema (a message referred
up changes owner across schemas, and the parent's dashboard and the network's
statistics read every node's), the reply deadline the province sets, and each
message's history."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from network.levels import Level
from network.models import Node

MAX_REPLY_DAYS = 60


class ReplyRule(models.Model):
    """The reply clock: a message to a node of `level` (every level when empty) is
    answered within `working_days` working days (the centre's calendar)."""

    level = models.CharField(
        "层级", max_length=10, choices=Level.choices, blank=True, unique=True,
        help_text="留空表示所有层级（未单独规定的层级都按此办理）",
    )  # fmt: skip
    working_days = models.PositiveSmallIntegerField(
        "答复时限（工作日）",
        validators=[
            MinValueValidator(1, "至少为 1 个工作日。"),
            MaxValueValidator(MAX_REPLY_DAYS, f"不能超过 {MAX_REPLY_DAYS} 个工作日。"),
        ],
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    panels = [FieldPanel("level"), FieldPanel("working_days")]

    class Meta:
        verbose_name = "留言答复时限"
        verbose_name_plural = "留言答复时限"
        ordering = ["level"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(working_days__gte=1, working_days__lte=MAX_REPLY_DAYS),
                name="reply_days_in_range",
            )
        ]

    def __str__(self):
        level = self.get_level_display() if self.level else "所有层级"
        return f"{level}：{self.working_days}个工作日内答复"


class Category(models.TextChoices):
    CONSULT = "consult", "咨询"
    SUGGEST = "suggest", "建议"
    HELP = "help", "求助"
    COMPLAIN = "complain", "反映问题"
    OTHER = "other", "其他"


class MessageState(models.TextChoices):
    # a warning word sent it to moderation: nobody's clock runs until staff let it in
    HELD = "held", "待审核"
    WAITING = "waiting", "待答复"
    ANSWERED = "answered", "已答复"
    HIDDEN = "hidden", "不予受理"


class Message(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # who owns it now (the parent, once referred up) and where it was left
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    origin = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("姓名", max_length=30)
    # never shown publicly; staff read it on purpose, and each read is recorded
    phone = models.CharField("联系电话", max_length=20, blank=True)
    category = models.CharField("类别", max_length=10, choices=Category.choices)
    text = models.TextField("留言内容")
    address = models.GenericIPAddressField(null=True)
    state = models.CharField(max_length=10, choices=MessageState.choices)
    created_at = models.DateTimeField("留言时间", auto_now_add=True)
    # the day the clock started (posting, admission from moderation, referral)
    clock_from = models.DateField(null=True)
    due_on = models.DateField("答复期限", null=True)
    reply = models.TextField("答复内容", blank=True)
    replied_at = models.DateTimeField("答复时间", null=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # answered and shown on the public board (the asker's name masked)
    public = models.BooleanField("公开", default=False)
    escalated_at = models.DateTimeField("逾期上报时间", null=True)

    class Meta:
        verbose_name = "留言"
        verbose_name_plural = "留言"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["node", "state", "due_on"]),
            models.Index(fields=["state", "due_on"]),
            models.Index(fields=["node", "public", "replied_at"]),
        ]

    def __str__(self):
        return f"{self.name}：{self.text[:20]}"


class StepKind(models.TextChoices):
    POSTED = "posted", "留言"
    ADMITTED = "admitted", "审核通过"
    HIDDEN = "hidden", "不予受理"
    REFERRED = "referred", "转上级办理"
    REPLIED = "replied", "答复"
    ESCALATED = "escalated", "逾期上报"
    PHONE_READ = "phone_read", "查看联系电话"


class MessageStep(models.Model):
    """What happened to a message, by whom: the history staff read, and the audit
    of who looked at an asker's phone number."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=12, choices=StepKind.choices)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"
