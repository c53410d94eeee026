"""语音播报, the write side: the province's switch, asking for an article's audio
(only for what an anonymous reader may open), making it in the background and
forgetting it when the article is withdrawn."""

import uuid

from celery import current_app
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node
from network.roles import user_speaks_for_the_province
from sites.models import ArticlePage
from sites.visibility import is_public

from .models import ArticleAudio, AudioState, AudioSwitch
from .queries import revision_of
from .speech import SpeechError, spoken_text, synthesise


class ReadAloudError(Exception):
    """A request that cannot be taken; the message says why in one sentence."""


# the provincial centre: superusers and the province's webmasters
may_switch_audio = user_speaks_for_the_province


def switch_audio(*, user, on: bool) -> AudioSwitch:
    if not may_switch_audio(user):
        raise PermissionDenied("只有省级站长可以设置语音播报。")
    switch = AudioSwitch.current()
    switch.enabled = on
    switch.changed_at = timezone.now()
    switch.changed_by = user.get_username()
    switch.save()
    return switch


def audio_enabled() -> bool:
    return AudioSwitch.current().enabled


def request_audio(node: Node, page) -> ArticleAudio:
    """Ask for the audio of the article's live revision, made after the commit.
    Run in the node's schema; an article a reader may not open is refused."""
    if not isinstance(page, ArticlePage) or not is_public(page):
        raise ReadAloudError("只能为已公开发布的文章生成语音。")
    audio, _ = ArticleAudio.objects.update_or_create(
        node=node, page_id=page.pk,
        defaults={"revision_id": revision_of(page), "state": AudioState.PENDING, "error": ""},
    )  # fmt: skip
    # by name: this module never imports the task that runs it
    transaction.on_commit(lambda: current_app.send_task("readaloud.tasks.make", args=[audio.pk]))
    return audio


def make_audio(audio_id: int) -> str:
    """Make (or remake) one article's audio; returns its state. Idempotent."""
    audio = ArticleAudio.objects.select_related("node__tenant").filter(pk=audio_id).first()
    if audio is None:
        return "gone"
    with schema_context(audio.node.tenant.schema_name):
        page = ArticlePage.objects.filter(pk=audio.page_id).first()
        public = page is not None and is_public(page)
        text = spoken_text(page) if public else ""
        revision = revision_of(page) if public else 0
    if not public:
        forget(audio)
        return "forgotten"
    try:
        data, seconds = synthesise(text)
    except SpeechError as error:
        audio.state, audio.error = AudioState.FAILED, str(error)[:255]
        audio.save(update_fields=["state", "error", "updated_at"])
        return audio.state
    old = audio.file.name
    # a name nobody can guess: the address is only ever shown on the public article
    audio.file.save(f"{uuid.uuid4().hex}.mp3", ContentFile(data), save=False)
    audio.state, audio.seconds, audio.revision_id, audio.error = (
        AudioState.READY,
        seconds,
        revision,
        "",
    )
    audio.save()
    if old:
        audio.file.storage.delete(old)
    return audio.state


def forget(audio: ArticleAudio) -> None:
    if audio.file:
        audio.file.storage.delete(audio.file.name)
    audio.delete()


def forget_article(node: Node, page_id: int) -> None:
    """The article was unpublished or deleted: its audio goes with it."""
    for audio in ArticleAudio.objects.filter(node=node, page_id=page_id):
        forget(audio)
