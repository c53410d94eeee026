"""What the centre watches across the network, in the public schema: when each site
and column last published, the rules for how often they must, who is behind, and the
broken links and missing files found in the background."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from network.levels import Level
from network.models import Node

MAX_RULE_DAYS = 366


class TimelinessRule(models.Model):
    """更新监测: a node of `level` (every level when empty) publishes in the column
    `column_title` (anywhere on its site when empty) at least once every
    `working_days` working days (the centre's calendar)."""

    level = models.CharField("层级", max_length=10, choices=Level.choices, blank=True)
    column_title = models.CharField(
        "栏目", max_length=100, blank=True, help_text="留空表示整个站点（任何栏目）"
    )
    working_days = models.PositiveSmallIntegerField(
        "至少每几个工作日更新一次",
        validators=[
            MinValueValidator(1, "至少为 1 个工作日。"),
            MaxValueValidator(MAX_RULE_DAYS, f"不能超过 {MAX_RULE_DAYS} 个工作日。"),
        ],
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    panels = [FieldPanel("level"), FieldPanel("column_title"), FieldPanel("working_days")]

    class Meta:
        verbose_name = "更新规则"
        verbose_name_plural = "更新规则"
        ordering = ["level", "column_title"]
        constraints = [
            models.UniqueConstraint(fields=["level", "column_title"], name="one_rule_per_scope"),
            models.CheckConstraint(
                condition=models.Q(working_days__gte=1, working_days__lte=MAX_RULE_DAYS),
                name="rule_days_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.scope_label}：每{self.working_days}个工作日至少更新一次"

    def clean(self):
        self.column_title = self.column_title.strip()

    @property
    def scope_label(self) -> str:
        level = self.get_level_display() if self.level else "所有站点"
        return f"{level}{'的“' + self.column_title + '”' if self.column_title else ''}"


class ColumnActivity(models.Model):
    """A top column of a site: its live articles (with sub-columns) and when the
    newest of them was first published. Written by operations.scanning."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="column_activity")
    column_page_id = models.PositiveIntegerField()
    column_title = models.CharField(max_length=100)
    articles = models.PositiveIntegerField(default=0)
    last_published_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "column_page_id"], name="one_row_per_column")
        ]
        indexes = [models.Index(fields=["column_title", "last_published_at"])]

    def __str__(self):
        return f"{self.column_title}（{self.articles}篇）"


class ScanState(models.Model):
    """Per schema: when its sites were last scanned (the time the scan started) and
    when a page last changed there; a change after the scan's start asks for another."""

    schema_name = models.CharField(max_length=63, unique=True)
    scanned_at = models.DateTimeField(null=True)
    changed_at = models.DateTimeField(null=True)

    def __str__(self):
        return self.schema_name


class Staleness(models.Model):
    """A node behind one of the rules (found by operations.timeliness)."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    rule = models.ForeignKey(TimelinessRule, on_delete=models.CASCADE, related_name="+")
    last_published_at = models.DateTimeField("最后更新", null=True)
    found_on = models.DateField("发现日期")
    reminded_at = models.DateTimeField("提醒时间", null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "rule"], name="one_staleness_per_rule")
        ]

    def __str__(self):
        return f"{self.node_id}: {self.rule_id}"


class ProblemKind(models.TextChoices):
    BROKEN_LINK = "broken_link", "失效的站内链接"
    MISSING_FILE = "missing_file", "缺失的图片或文件"


class SiteProblem(models.Model):
    """A broken internal link or a missing media file in a site's article (empty
    columns are read from ColumnActivity)."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("问题", max_length=16, choices=ProblemKind.choices)
    page_id = models.PositiveIntegerField()
    page_title = models.CharField("页面", max_length=255)
    target = models.CharField("链接", max_length=500, blank=True)
    found_at = models.DateTimeField("发现时间", auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["node", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.target}"


class SiteMonth(models.Model):
    """Articles a site first published in a month (written by operations.scanning)."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # its first day
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["node", "month"], name="one_site_month")]

    def __str__(self):
        return f"{self.node_id} {self.month:%Y-%m}: {self.articles}"


class NodeMonth(models.Model):
    """统计分析: a node's figures for a month: `levels` sums the own figures of the
    node and everything below it, by level, so any node's page reads its own row and
    its children's (operations.statistics)."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    levels = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["node", "month"], name="one_node_month")]

    def __str__(self):
        return f"{self.node_id} {self.month:%Y-%m}"
