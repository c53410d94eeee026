"""The transcode, run by a worker: ffmpeg writes into a hidden directory beside the
final one, the HLS playlists are checked, and only then is the directory renamed into
place and the video marked ready. A failure removes what was made and records the
reason; a worker that dies mid-way leaves the task to be delivered again, and the next
run starts the directory afresh."""

import shutil
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .ffmpeg import (
    FfmpegMissing,
    VideoRefused,
    encode_command,
    hls_command,
    poster_command,
    probe,
    run,
    valid_playlist,
)
from .models import Video, VideoState, time_limit


def output_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "videos"


def transcode(video_pk: int) -> str:
    video = Video.objects.filter(pk=video_pk).first()
    if video is None or not claim(video):
        return "nothing to do"
    source = Path(settings.XFNET_VIDEO_SOURCE_ROOT) / video.source_name
    final = output_root() / str(video.uuid)
    partial = output_root() / f".{video.uuid}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "hls").mkdir(parents=True)
    started = time.monotonic()
    try:
        if not video.source_name or not source.is_file():
            raise VideoRefused("找不到上传的视频文件，请重新上传。")
        info = probe(source)
        limit = time_limit(info.duration)
        run(encode_command(source, partial, info), limit)
        run(hls_command(partial), limit)
        run(poster_command(partial, info), 120)
        (partial / "low.mp4").unlink()
        if not valid_playlist(partial):
            raise VideoRefused("生成的 HLS 播放列表不完整，请重新上传。")
    except FfmpegMissing as missing:
        # the worker's machine, not the file: keep the upload for a worker that can
        shutil.rmtree(partial, ignore_errors=True)
        Video.objects.filter(pk=video.pk).update(
            state=VideoState.WAITING, claimed_at=None, error=str(missing)
        )
        raise
    except VideoRefused as refused:
        shutil.rmtree(partial, ignore_errors=True)
        source.unlink(missing_ok=True)
        Video.objects.filter(pk=video.pk).update(state=VideoState.FAILED, error=str(refused))
        return "failed"
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    source.unlink(missing_ok=True)
    Video.objects.filter(pk=video.pk).update(
        state=VideoState.READY, error="", duration=info.duration, width=info.width,
        height=info.height, transcode_seconds=round(time.monotonic() - started, 2),
        ready_at=timezone.now(), source_name="",
    )  # fmt: skip
    return "ready"


def claim(video: Video) -> bool:
    """Take the transcode, unless it is done or another worker's claim is still fresh
    (the same task handed out twice must not run two ffmpegs on one directory)."""
    now = timezone.now()
    stale = now - timedelta(seconds=video.lease_seconds)
    free = Q(state=VideoState.WAITING) | Q(state=VideoState.WORKING, claimed_at__lt=stale)
    taken = Video.objects.filter(free, pk=video.pk).update(state=VideoState.WORKING, claimed_at=now)
    return taken == 1


def stalled(now=None):
    """Videos whose task was lost (never taken two minutes after upload) or whose
    worker died (a claim past its lease)."""
    now = now or timezone.now()
    waiting = Video.objects.filter(
        state=VideoState.WAITING, created_at__lt=now - timedelta(minutes=2)
    )
    working = [
        video for video in Video.objects.filter(state=VideoState.WORKING)
        if video.claimed_at is None
        or video.claimed_at < now - timedelta(seconds=video.lease_seconds)
    ]  # fmt: skip
    return [*waiting, *working]


def remove_video(video: Video) -> None:
    """The row, then every file made for it; ProtectedError (a lesson uses it) before
    anything is touched."""
    uuid, source = video.uuid, video.source_name
    video.delete()
    shutil.rmtree(output_root() / str(uuid), ignore_errors=True)
    if source:
        (Path(settings.XFNET_VIDEO_SOURCE_ROOT) / source).unlink(missing_ok=True)
