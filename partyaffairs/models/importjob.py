from django.conf import settings
from django.db import models


class ImportState(models.TextChoices):
    RUNNING = "running", "导入中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class ImportJob(models.Model):
    """A checked spreadsheet being written in batches; `rows_done` moves in the same
    transaction as each batch, so an interrupted import resumes where it stopped.

    The file is kept here, not under /media/: it is personal data.
    """

    node_code = models.CharField(max_length=12, db_index=True)
    file_name = models.CharField("文件名", max_length=200)
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField(editable=False)
    rows_total = models.PositiveIntegerField("总行数")
    rows_done = models.PositiveIntegerField("已导入", default=0)
    state = models.CharField(
        "状态", max_length=10, choices=ImportState.choices, default=ImportState.RUNNING
    )
    error = models.CharField(max_length=500, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField("开始时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "党员导入"
        verbose_name_plural = "党员导入"
        ordering = ["-started_at"]

    def __str__(self):
        return self.file_name
