"""Making an article's audio in the background; a retry is safe (it remakes)."""

from celery import shared_task
from django.db import OperationalError

from .audio import make_audio


@shared_task(name="readaloud.tasks.make", autoretry_for=(OperationalError,), retry_backoff=True,
             max_retries=5, acks_late=True)  # fmt: skip
def make(audio_id: int):
    return make_audio(audio_id)
