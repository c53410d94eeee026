"""语音播报: the province's switch for server-made audio, and each article's audio
(one per node and page, made for the revision that was live)."""

from django.db import models

from network.models import Node


class AudioSwitch(models.Model):
    """One row: whether articles also get an audio file made on the server."""

    enabled = models.BooleanField("生成语音文件", default=False)
    changed_at = models.DateTimeField("修改时间", null=True, blank=True)
    changed_by = models.CharField("修改人", max_length=150, blank=True)

    class Meta:
        verbose_name = "语音播报设置"
        verbose_name_plural = "语音播报设置"

    def __str__(self):
        return "生成语音文件" if self.enabled else "只用读者设备朗读"

    @classmethod
    def current(cls) -> "AudioSwitch":
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class AudioState(models.TextChoices):
    PENDING = "pending", "生成中"
    READY = "ready", "已生成"
    FAILED = "failed", "失败"


class ArticleAudio(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    page_id = models.PositiveIntegerField()
    revision_id = models.PositiveIntegerField()
    state = models.CharField(max_length=8, choices=AudioState.choices, default=AudioState.PENDING)
    file = models.FileField(upload_to="readaloud/", blank=True)
    seconds = models.PositiveIntegerField(null=True)
    error = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "page_id"], name="one_audio_per_article")
        ]

    def __str__(self):
        return f"{self.node_id}/{self.page_id}@{self.revision_id}: {self.state}"
