"""The syndication ledger, in the public schema: one row per story, not per site.

Articles live in their node's schema; everything that moves them between nodes
refers to them by node and page id through `Story`, never by a foreign key into a
tenant schema (DESIGN.md).
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from network.levels import Level
from network.models import Node


class StoryState(models.TextChoices):
    LIVE = "live", "已发布"
    # the origin stopped being public: unpublished, or put behind a view restriction;
    # it shows again when the origin is public again (unlike REVOKED, 撤稿)
    ORIGIN_NOT_PUBLIC = "not_public", "原稿未公开"
    DELETED = "deleted", "已删除"
    REVOKED = "revoked", "已撤稿"


class Story(models.Model):
    """An origin article as the network shows it elsewhere: one snapshot for every place.

    The snapshot is refreshed from the origin page whenever it is published, so every
    site that shows the story shows the same, current text.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    origin_node = models.ForeignKey(
        Node, verbose_name="来源站点", on_delete=models.CASCADE, related_name="stories"
    )
    origin_page_id = models.PositiveIntegerField("来源页面")
    origin_path = models.CharField("来源地址", max_length=500, blank=True)
    title = models.CharField("标题", max_length=255)
    summary = models.TextField("摘要", blank=True)
    body_html = models.TextField("正文", blank=True)
    cover_url = models.CharField("封面图", max_length=500, blank=True)
    source = models.CharField("来源", max_length=100, blank=True)
    # the origin site's top column (通知公告, 村务公开 …): where 栏目映射 starts
    origin_column_title = models.CharField("来源栏目", max_length=100, blank=True)
    author = models.CharField("作者", max_length=100, blank=True)
    # an item of a 资料中心: pushed down, it is listed in the receiving sites' libraries
    is_resource = models.BooleanField("资料", default=False)
    date = models.DateTimeField("发布时间", null=True)
    state = models.CharField(
        "状态", max_length=10, choices=StoryState.choices, default=StoryState.LIVE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作者账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    snapshot_at = models.DateTimeField("快照时间", null=True)
    revoked_at = models.DateTimeField("撤稿时间", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.CharField("撤稿原因", max_length=255, blank=True)

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        constraints = [
            models.UniqueConstraint(
                fields=["origin_node", "origin_page_id"], name="one_story_per_origin_page"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_live(self) -> bool:
        return self.state == StoryState.LIVE

    @property
    def local_path(self) -> str:
        """Where a receiving site shows it (syndication.views.public.story_page)."""
        return f"/syndicated/{self.uuid}/"

    @property
    def display_date(self) -> str:
        return timezone.localtime(self.date).strftime("%Y-%m-%d") if self.date else ""

    @property
    def teaser(self) -> str:
        return self.summary


class Push(models.Model):
    """下发: a story shown in the 上级要闻 of every descendant in scope.

    The scope is stored, not expanded: a site finds the pushes that reach it with one
    query over its own ancestors, so a push to 19,000 sites is one row.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="pushes")
    from_node = models.ForeignKey(
        Node, verbose_name="下发站点", on_delete=models.CASCADE, related_name="pushes"
    )
    # Empty means every level / every branch below from_node.
    levels = ArrayField(
        models.CharField(max_length=10, choices=Level.choices),
        verbose_name="层级",
        default=list,
        blank=True,
    )
    branch_paths = ArrayField(
        models.CharField(max_length=255), verbose_name="分支", default=list, blank=True
    )
    pinned = models.BooleanField("置顶", default=False)
    mandatory = models.BooleanField("必须展示", default=False)
    expires_at = models.DateTimeField("截止时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("下发时间", auto_now_add=True)
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)
    reach = models.PositiveIntegerField("覆盖站点数", null=True, blank=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)

    class Meta:
        verbose_name = "下发"
        verbose_name_plural = "下发"
        indexes = [models.Index(fields=["from_node", "-created_at"])]

    def __str__(self):
        return f"{self.from_node.name}下发：{self.story.title}"


class SubmissionState(models.TextChoices):
    QUEUED = "queued", "投递中"
    PENDING = "pending", "待审核"
    ACCEPTED = "accepted", "已采用"
    RETURNED = "returned", "已退稿"
    REVOKED = "revoked", "已撤稿"


class Submission(models.Model):
    """报送: one hop of a story up the tree, and the parent's decision on it.

    Forwarding creates the next hop with `previous` pointing back here, so the chain
    village → township → county → city is the story's lineage.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="submissions")
    from_node = models.ForeignKey(
        Node, verbose_name="报送站点", on_delete=models.CASCADE, related_name="sent_submissions"
    )
    to_node = models.ForeignKey(
        Node, verbose_name="接收站点", on_delete=models.CASCADE, related_name="inbox"
    )
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="forwarded_as"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报送人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField("报送说明", max_length=255, blank=True)
    created_at = models.DateTimeField("报送时间", auto_now_add=True)
    state = models.CharField(
        "状态", max_length=10, choices=SubmissionState.choices, default=SubmissionState.QUEUED
    )
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    reason = models.CharField("退稿原因", max_length=255, blank=True)
    forward = models.BooleanField("再报送", default=False)
    # The column of to_node's site the item was accepted into (a page id there).
    column_page_id = models.PositiveIntegerField(null=True, blank=True)
    column_title = models.CharField("采用栏目", max_length=100, blank=True)
    # 报送专题: sent to an ancestor's 专题 column (a page id there), not up one hop
    topic_page_id = models.PositiveIntegerField(null=True, blank=True)
    topic_title = models.CharField("专题", max_length=255, blank=True)

    class Meta:
        verbose_name = "报送"
        verbose_name_plural = "报送"
        constraints = [
            models.UniqueConstraint(
                fields=["story", "to_node"], name="one_submission_per_story_and_node"
            )
        ]
        indexes = [
            models.Index(fields=["to_node", "state", "-decided_at"]),
            models.Index(fields=["to_node", "column_page_id"]),
        ]

    def __str__(self):
        return f"{self.from_node.name} → {self.to_node.name}：{self.story.title}"

    @property
    def is_forwarded(self) -> bool:
        return hasattr(self, "forwarded_as")


class ColumnMapping(models.Model):
    """栏目映射: the column of a node where stories from its children's column
    `from_title` are accepted unless the reviewer picks another (every village's 村务公开
    → the township's 基层动态). Without a node it is the province's default for every
    node, naming the receiving column by its title."""

    node = models.ForeignKey(
        Node, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    from_title = models.CharField("下级栏目", max_length=100)
    # a column of the node's site (a page id there); empty for a default
    column_page_id = models.PositiveIntegerField(null=True, blank=True)
    column_title = models.CharField("采用到栏目", max_length=100)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "栏目映射"
        verbose_name_plural = "栏目映射"
        constraints = [
            models.UniqueConstraint(
                fields=["node", "from_title"],
                condition=models.Q(node__isnull=False),
                name="one_mapping_per_node_and_column",
            ),
            models.UniqueConstraint(
                fields=["from_title"],
                condition=models.Q(node__isnull=True),
                name="one_default_mapping_per_column",
            ),
        ]

    def __str__(self):
        return f"{self.from_title} → {self.column_title}"


class Hide(models.Model):
    """A receiving site's choice not to show a story it was given."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="hidden_stories")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="hides")
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "隐藏"
        verbose_name_plural = "隐藏"
        constraints = [models.UniqueConstraint(fields=["node", "story"], name="hide_once")]

    def __str__(self):
        return f"{self.node.name}隐藏：{self.story.title}"


class AuditAction(models.TextChoices):
    PUSHED = "pushed", "下发"
    PUSH_WITHDRAWN = "push_withdrawn", "撤回下发"
    SUBMITTED = "submitted", "报送"
    ACCEPTED = "accepted", "采用"
    RETURNED = "returned", "退稿"
    FORWARDED = "forwarded", "采用并再报送"
    REPUBLISHED = "republished", "更新原稿"
    UNPUBLISHED = "unpublished", "原稿撤下"
    DELETED = "deleted", "原稿删除"
    CLOSED = "closed", "原稿设为不公开"
    REOPENED = "reopened", "原稿恢复公开"
    REVOKED = "revoked", "撤稿"
    HIDDEN = "hidden", "隐藏"
    SHOWN = "shown", "取消隐藏"


class AuditEvent(models.Model):
    """Who did what to a story, where and when (never edited, never deleted)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="events")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField("操作", max_length=20, choices=AuditAction.choices)
    detail = models.CharField("说明", max_length=255, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "操作记录"
        verbose_name_plural = "操作记录"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()}：{self.story.title}"


class DeliveryKind(models.TextChoices):
    SNAPSHOT = "snapshot", "更新快照"
    PUSH = "push", "送达下发"
    SUBMIT = "submit", "送达报送"
    DECISION = "decision", "处理审核结果"
    REVOKE = "revoke", "处理撤稿"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "待处理"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class OutboxEntry(models.Model):
    """What every outbox row counts: attempts, the last error, when it was queued
    (syndication.outbox)."""

    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    last_error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        abstract = True


class Delivery(OutboxEntry):
    """One unit of background work on a story, and its visible outcome.

    The row is written in the same transaction as the change that needs it, so a
    worker that dies leaves a pending row to resume (syndication.delivery).
    """

    kind = models.CharField("类型", max_length=10, choices=DeliveryKind.choices)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="deliveries")
    push = models.ForeignKey(Push, null=True, blank=True, on_delete=models.CASCADE)
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.CASCADE)
    state = models.CharField(
        "状态", max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "投递"
        verbose_name_plural = "投递"
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.story.title}"


class AwardKind(models.TextChoices):
    AUTHOR = "author", "作者"
    NODE = "node", "站点"
    MEMBER = "member", "党员"


class Activity(models.TextChoices):
    """What earned the points: an accepted 报送 (editors and sites), or a member's
    learning (学习积分), by the province's PointRule."""

    SUBMISSION = "submission", "报送采用"
    LESSON = "lesson", "学完课时"
    EXAM = "exam", "考试合格"
    ARTICLE = "article", "发表文章"


LEARNING = (Activity.LESSON, Activity.EXAM, Activity.ARTICLE)


class PointAward(models.Model):
    """The one 积分 ledger. An accepted hop earns one row for the author and one for the
    origin node (`submission` set); a member's finished lesson, passed exam or
    published article earns one row for the member (`activity` and `ref`, the item's
    uuid, say which; `organisation` is the member's, for rankings)."""

    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="awards"
    )
    activity = models.CharField(
        "来源", max_length=10, choices=Activity.choices, default=Activity.SUBMISSION
    )
    ref = models.CharField(max_length=64, blank=True)
    title = models.CharField("事项", max_length=200, blank=True)
    kind = models.CharField(max_length=6, choices=AwardKind.choices)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="point_awards")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="point_awards"
    )
    organisation = models.CharField("所在组织", max_length=100, blank=True)
    level = models.CharField("采用层级", max_length=10, choices=Level.choices, blank=True)
    points = models.PositiveIntegerField("积分")
    awarded_at = models.DateTimeField("获得时间", db_index=True)
    revoked_at = models.DateTimeField("扣回时间", null=True, blank=True)

    class Meta:
        verbose_name = "积分"
        verbose_name_plural = "积分"
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "kind"], name="one_award_per_hop_and_kind"
            ),
            models.UniqueConstraint(
                fields=["activity", "ref", "user"],
                condition=models.Q(submission__isnull=True),
                name="one_learning_award_per_item",
            ),
            models.CheckConstraint(
                condition=models.Q(activity="submission", submission__isnull=False)
                | (~models.Q(activity="submission") & models.Q(submission__isnull=True)),
                name="award_has_its_source",
            ),
        ]
        indexes = [models.Index(fields=["activity", "node"])]

    def __str__(self):
        return f"{self.node.name} +{self.points}"


class PointRule(models.Model):
    """学习积分规则: the points the province gives for each learning activity (one row
    per activity; an activity without a row earns XFNET_LEARNING_POINTS's figure)."""

    activity = models.CharField("事项", max_length=10, choices=Activity.choices, unique=True)
    points = models.PositiveSmallIntegerField("积分")

    class Meta:
        verbose_name = "学习积分规则"
        verbose_name_plural = "学习积分规则"

    def __str__(self):
        return f"{self.get_activity_display()} {self.points}"
