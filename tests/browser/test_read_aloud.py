"""语音播报 in a reader's phone browser (issue 19, item 4): the play button starts the
server's audio where there is one, else the device's own speech, by mouse or keyboard."""

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.rich_text import RichText

from network.factories import UserFactory
from network.models import Node
from readaloud.audio import make_audio, switch_audio
from readaloud.models import ArticleAudio, AudioSwitch
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage
from tests.tools import artifacts_dir, require_program

pytestmark = pytest.mark.browser

WITH_AUDIO, WITHOUT = "甲村召开党员大会", "甲村开展志愿服务"
# the browser's own speech, recorded instead of spoken (headless Chromium has no voice)
RECORD_SPEECH = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (utterance) { window.__spoken.push(utterance.text); };
}
"""


@pytest.fixture
def articles(django_db_setup, django_db_blocker):
    """Two published articles, the first with server audio, committed and removed."""
    require_program("espeak-ng", "apt-get install espeak-ng lame")
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        province = Node.objects.get(code="340000")
        user = UserFactory(username="browser_yuyin", roles=[(province, "webmaster")])
        switch_audio(user=user, on=True)
        paths = {}
        with schema_context(village.tenant.schema_name):
            for title in (WITH_AUDIO, WITHOUT):
                page = ArticlePageFactory(
                    parent=node_column(village, "通知公告"), title=title, live=False,
                    body=[("paragraph", RichText("<p>全体党员参加。</p>"))],
                )  # fmt: skip
                page.save_revision().publish()
                paths[title] = "/" + page.url_path.split("/", 2)[2]
            without = ArticlePage.objects.get(title=WITHOUT).pk
        connection.set_schema_to_public()
        AudioSwitch.objects.update(enabled=False)
        for audio in ArticleAudio.objects.all():
            if audio.page_id == without:
                audio.delete()  # the device reads this one
            else:
                make_audio(audio.pk)
        yield paths
        with schema_context(village.tenant.schema_name):
            for page in ArticlePage.objects.filter(title__in=[WITH_AUDIO, WITHOUT]):
                page.delete()
            user.delete()  # Wagtail's per-schema tables point at accounts too
        connection.set_schema_to_public()
        AudioSwitch.objects.all().delete()


def test_play_starts_the_audio_or_the_devices_speech_at_375px(
    chromium, live_server_url, articles, settings
):
    from playwright.sync_api import sync_playwright

    settings.DEBUG = True  # the live server hands out /media/ as nginx would
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 375, "height": 812})
            page.goto(live_server_url + articles[WITH_AUDIO])
            button = page.get_by_role("button", name="▶ 朗读全文")
            assert button.is_visible() and button.bounding_box()["height"] >= 44
            button.click()
            page.wait_for_function(
                "() => { const a = document.querySelector('audio.read-aloud-audio');"
                " return a && !a.paused && a.currentTime > 0; }",
                timeout=15000,
            )
            stop = page.get_by_role("button", name="■ 停止朗读")
            assert stop.get_attribute("aria-pressed") == "true"
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            page.screenshot(path=str(artifacts_dir() / "read-aloud-audio.png"))
            page.close()

            page = browser.new_page(viewport={"width": 375, "height": 812})
            page.add_init_script(RECORD_SPEECH)
            page.goto(live_server_url + articles[WITHOUT])
            assert page.locator("audio").count() == 0
            button = page.get_by_role("button", name="▶ 朗读全文")
            button.focus()
            page.keyboard.press("Enter")  # a real button: the keyboard plays it too
            spoken = page.evaluate("window.__spoken")
            assert spoken and spoken[0].startswith(WITHOUT)
            assert any("全体党员参加" in part for part in spoken)
            status = page.get_by_role("status")
            assert "正在朗读" in status.text_content()
        finally:
            browser.close()
