"""论坛议事: each node's boards (点将台, 意见征询, 业务交流, 康乐空间 by default), members'
topics and replies with images, reports, and what the node's moderators do; in the
public schema, keyed by node (a county's forum is open to its villages' members).

In 点将台 a topic may name a member who must answer; the answer is due in working
days like a 网络直通车 message."""

import uuid

from django.conf import settings
from django.db import models

from network.models import Node


class BoardKind(models.TextChoices):
    OPEN = "open", "讨论"
    NOMINATE = "nominate", "点将台（点名作答）"


class Board(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("名称", max_length=30)
    slug = models.SlugField(max_length=30)
    intro = models.CharField("说明", max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=BoardKind.choices, default=BoardKind.OPEN)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["node", "slug"], name="one_board_slug")]

    def __str__(self):
        return self.name


class PostState(models.TextChoices):
    VISIBLE = "visible", "正常"
    HELD = "held", "待审核"  # a warning word: shown once a moderator lets it in
    HIDDEN = "hidden", "已隐藏"


class Topic(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="topics")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    title = models.CharField("标题", max_length=80)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=8, choices=PostState.choices, default=PostState.VISIBLE)
    pinned = models.BooleanField("置顶", default=False)
    locked = models.BooleanField("锁定", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField()
    replies = models.PositiveIntegerField(default=0)
    # 点将台: the member named to answer, by when, and when they did
    named = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    named_due_on = models.DateField(null=True)
    named_answered_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["board", "state", "pinned", "last_post_at"])]

    def __str__(self):
        return self.title


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField("内容")
    quote = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")  # fmt: skip
    state = models.CharField(max_length=8, choices=PostState.choices, default=PostState.VISIBLE)
    hidden_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at"])]

    def __str__(self):
        return self.body[:30]


class PostImage(models.Model):
    """An image of a post, re-encoded on upload, kept outside /media/ and served by
    forums.views.public.image only while its post may be read."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    name = models.CharField(max_length=100)  # the file under XFNET_FORUM_IMAGE_ROOT
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    def __str__(self):
        return self.name


class Report(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+")  # fmt: skip
    reason = models.CharField("理由", max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_reporter")
        ]

    def __str__(self):
        return self.reason
