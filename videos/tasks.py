"""The transcode runs here, never in a web worker.

Acknowledged on receipt, unlike the project's other tasks: the broker hands an
unacknowledged task out again after 30 s (settings), and a transcode takes minutes.
A worker that dies mid-way is found by the sweeper below (the video's claim expires)."""

from celery import shared_task
from django.db import OperationalError

from .transcoding import stalled, transcode


@shared_task(acks_late=False, autoretry_for=(OperationalError,), retry_backoff=True,
             max_retries=5)  # fmt: skip
def transcode_video(video_pk: int):
    return transcode(video_pk)


@shared_task
def resume_stalled_transcodes():
    videos = stalled()
    for video in videos:
        transcode_video.delay(video.pk)
    return len(videos)
