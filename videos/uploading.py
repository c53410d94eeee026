"""Taking a video in: the file is checked (extension, size, ffprobe reads a video
stream) while the upload request is still open, so a wrong file is refused at once
with one sentence and leaves nothing behind; the transcode is queued for a worker
once the row is committed, so no web worker waits for it."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .ffmpeg import VideoRefused, probe
from .models import Video
from .tasks import transcode_video


def source_root() -> Path:
    return Path(settings.XFNET_VIDEO_SOURCE_ROOT)


def _keep(upload, destination: Path) -> None:
    """Move Django's temporary file into place (no copy of 100 MB), or write out a
    small upload held in memory."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = getattr(upload, "temporary_file_path", None)
    if temporary is not None:
        shutil.move(temporary(), destination)
        return
    with destination.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)


def accept_upload(*, node, title: str, upload, user=None) -> Video:
    """A new Video waiting for its transcode; VideoRefused when the file is not one."""
    title = (title or "").strip() or Path(upload.name).stem[:120]
    extension = Path(upload.name).suffix.lower().lstrip(".")
    if extension not in settings.XFNET_VIDEO_EXTENSIONS:
        allowed = "、".join(ext.upper() for ext in settings.XFNET_VIDEO_EXTENSIONS[:6])
        raise VideoRefused(f"只能上传视频文件（{allowed} 等格式）。")
    if upload.size > settings.XFNET_VIDEO_MAX_BYTES:
        limit = settings.XFNET_VIDEO_MAX_BYTES // (1024 * 1024)
        raise VideoRefused(f"视频文件不能超过 {limit} MB。")
    video = Video(node=node, title=title, uploaded_by=user, source_bytes=upload.size)
    source = source_root() / f"{video.uuid}.{extension}"
    _keep(upload, source)
    try:
        info = probe(source)
    except VideoRefused:
        source.unlink(missing_ok=True)
        raise
    video.source_name = source.name
    video.duration, video.width, video.height = info.duration, info.width, info.height
    with transaction.atomic():
        video.save()
        transaction.on_commit(lambda: transcode_video.delay(video.pk))
    return video
