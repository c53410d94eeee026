"""Publishing with audio on: a real Celery worker makes the article's MP3."""

import time

import pytest
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from readaloud.audio import switch_audio
from readaloud.models import ArticleAudio, AudioSwitch
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage
from tests.tools import require_program

pytestmark = pytest.mark.celery


@pytest.fixture
def switched_on(django_db_setup, django_db_blocker):
    require_program("espeak-ng", "apt-get install espeak-ng lame")
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001002")
        user = UserFactory(
            username="yuyin_worker", roles=[(Node.objects.get(depth=1), "webmaster")]
        )
        switch_audio(user=user, on=True)
        yield village
        with schema_context(village.tenant.schema_name):
            ArticlePage.objects.filter(title="乙村语音测试").delete()
            user.delete()  # Wagtail's per-schema tables point at accounts too
        connection.set_schema_to_public()
        for audio in ArticleAudio.objects.all():
            audio.file.delete(save=False)
            audio.delete()
        AudioSwitch.objects.all().delete()


def test_the_worker_makes_the_audio_after_publishing(worker, switched_on, django_db_blocker):
    village = switched_on
    with django_db_blocker.unblock():
        with schema_context(village.tenant.schema_name):
            page = ArticlePageFactory(
                parent=node_column(village, "通知公告"), title="乙村语音测试", live=False
            )
            page.save_revision().publish()
        connection.set_schema_to_public()
        deadline = time.monotonic() + 90
        while not ArticleAudio.objects.filter(page_id=page.pk, state="ready").exists():
            assert time.monotonic() < deadline, "the worker made no audio"
            time.sleep(0.3)
        audio = ArticleAudio.objects.get(page_id=page.pk)
        assert audio.file.name.endswith(".mp3") and audio.seconds >= 1
        assert audio.file.storage.exists(audio.file.name)
