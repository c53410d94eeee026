"""阅读次数: raw hits, appended cheaply, and the totals they are folded into.

All in the public schema, keyed by node and page id (page ids are per schema, so
the node says which schema the page is in).
"""

from django.db import models


class PageHit(models.Model):
    """One reader's view, waiting to be counted. An UNLOGGED table (migration 0001):
    an insert writes no WAL, and a crash loses at most the last minute's views."""

    node_id = models.IntegerField()
    page_id = models.IntegerField()
    viewed_at = models.DateTimeField(auto_now_add=True)
    # Reads counted from nginx's log arrive summed per page and day.
    views = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "阅读记录"

    def __str__(self):
        return f"{self.node_id}/{self.page_id}"


class PageViews(models.Model):
    """Views of one page since it was published."""

    node = models.ForeignKey("network.Node", on_delete=models.CASCADE, related_name="+")
    page_id = models.IntegerField()
    views = models.PositiveBigIntegerField("阅读次数", default=0)

    class Meta:
        verbose_name = "页面阅读次数"
        constraints = [
            models.UniqueConstraint(fields=["node", "page_id"], name="pageviews_node_page")
        ]

    def __str__(self):
        return f"{self.node_id}/{self.page_id}: {self.views}"


class SiteDailyViews(models.Model):
    """Views of every page of one site on one day (China time), for the admin's sums."""

    node = models.ForeignKey("network.Node", on_delete=models.CASCADE, related_name="+")
    day = models.DateField("日期")
    views = models.PositiveBigIntegerField("阅读次数", default=0)

    class Meta:
        verbose_name = "站点每日阅读次数"
        constraints = [
            models.UniqueConstraint(fields=["node", "day"], name="sitedailyviews_node_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.node_id} {self.day}: {self.views}"


class ReadLogPosition(models.Model):
    """How far nginx's read log has been counted (readership.read_log): moved in the
    same transaction as the counts, so every line is counted exactly once."""

    path = models.CharField(max_length=500, unique=True)
    inode = models.BigIntegerField(default=0)
    offset = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "访问日志读取位置"

    def __str__(self):
        return f"{self.path}@{self.offset}"


class DocumentDownloads(models.Model):
    """下载次数 of one document of one site (资料中心): counted when the file is served
    at /documents/, not when a page previews it."""

    node = models.ForeignKey("network.Node", on_delete=models.CASCADE, related_name="+")
    document_id = models.IntegerField()
    downloads = models.PositiveBigIntegerField("下载次数", default=0)

    class Meta:
        verbose_name = "文档下载次数"
        constraints = [
            models.UniqueConstraint(fields=["node", "document_id"], name="downloads_node_document")
        ]

    def __str__(self):
        return f"{self.node_id}/{self.document_id}: {self.downloads}"
