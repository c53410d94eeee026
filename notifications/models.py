"""One way to tell a person something: a line in their site inbox (always), and where
they have an address and allow it, an e-mail and a text message sent in the
background from an outbox (a failure is retried, then recorded, never lost)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models


class InboxItem(models.Model):
    """站内消息: what the account sees in the admin (or a member in 个人中心)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox_items"
    )
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True)
    link = models.CharField("链接", max_length=500, blank=True)
    # what sent it (e.g. "messageboard.escalated"): lets a sender make it once
    topic = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("阅读时间", null=True)

    class Meta:
        verbose_name = "站内消息"
        verbose_name_plural = "站内消息"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.title


MOBILE = RegexValidator(r"^1\d{10}$", "请填写 11 位手机号码。")


class Contact(models.Model):
    """How an account may be reached beyond the inbox. E-mail goes to the account's
    address; a text message to `mobile`, when the person agreed to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact"
    )
    mobile = models.CharField("手机号码", max_length=11, blank=True, validators=[MOBILE])
    email_enabled = models.BooleanField("接收邮件提醒", default=True)
    sms_enabled = models.BooleanField("接收短信提醒", default=False)

    class Meta:
        verbose_name = "联系方式"
        verbose_name_plural = "联系方式"

    def __str__(self):
        return str(self.user)


class Channel(models.TextChoices):
    EMAIL = "email", "邮件"
    SMS = "sms", "短信"


class DispatchState(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"


class Dispatch(models.Model):
    """One e-mail or text message of an inbox item, in the outbox until sent."""

    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="dispatches")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    address = models.CharField(max_length=254)
    state = models.CharField(
        max_length=8, choices=DispatchState.choices, default=DispatchState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    # the provider's receipt (an SMS BizId), for tracing a message it says it sent
    receipt = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.address}"
