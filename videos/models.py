"""Self-hosted videos (课堂视频, and the video block of articles): the uploaded file is
kept outside /media/, transcoded by a Celery task into an H.264/AAC MP4 and HLS at
two bitrates with a poster frame, and only then offered to players and choosers.

In the public schema, owned by a node: a county's video is chosen by the sites below
it as well (one upload serves every village)."""

import uuid

from django.conf import settings
from django.db import models

from network.models import Node


def time_limit(duration: float) -> float:
    """Seconds ffmpeg may take for a video this long: generous for a slow machine,
    never a hung ffmpeg holding a worker for ever."""
    return max(600.0, duration * 4)


class VideoState(models.TextChoices):
    WAITING = "waiting", "等待转码"
    WORKING = "working", "正在转码"
    READY = "ready", "可以播放"
    FAILED = "failed", "转码失败"


class Video(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    title = models.CharField("视频名称", max_length=120)
    state = models.CharField(
        "状态", max_length=8, choices=VideoState.choices, default=VideoState.WAITING
    )
    error = models.CharField("失败原因", max_length=300, blank=True)
    # the upload, under XFNET_VIDEO_SOURCE_ROOT; removed once transcoded or failed
    source_name = models.CharField(max_length=200, blank=True)
    source_bytes = models.BigIntegerField("原文件大小", default=0)
    duration = models.FloatField("时长（秒）", default=0)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    transcode_seconds = models.FloatField("转码用时（秒）", null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    # when a worker took the transcode; a claim older than lease_seconds is a dead
    # worker's, and the sweeper hands the video out again
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "视频"
        verbose_name_plural = "视频"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["node", "state"])]

    def __str__(self):
        return self.title

    @property
    def is_ready(self) -> bool:
        return self.state == VideoState.READY

    @property
    def lease_seconds(self) -> float:
        return time_limit(self.duration) + 300

    @property
    def base_url(self) -> str:
        return f"{settings.MEDIA_URL}videos/{self.uuid}/"

    @property
    def mp4_url(self) -> str:
        return self.base_url + "video.mp4"

    @property
    def hls_url(self) -> str:
        return self.base_url + "hls/master.m3u8"

    @property
    def poster_url(self) -> str:
        return self.base_url + "poster.jpg"

    @property
    def minutes(self) -> str:
        seconds = round(self.duration)
        return f"{seconds // 60}:{seconds % 60:02d}"
