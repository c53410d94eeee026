"""语音播报 (issue 19, item 4): the province's switch, audio made with the real engine
per revision, remade on edit, gone when withdrawn, never for a page readers may not
open."""

import pytest
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from network.factories import UserFactory
from readaloud.audio import ReadAloudError, make_audio, request_audio, switch_audio
from readaloud.models import ArticleAudio, AudioSwitch
from readaloud.speech import SpeechError, spoken_text, synthesise
from sites.factories import ArticlePageFactory, node_column
from tests.tools import require_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine():
    require_program("espeak-ng", "apt-get install espeak-ng lame")
    require_program("lame", "apt-get install espeak-ng lame")


def article(node, title="甲村召开党员大会", **fields):
    with schema_context(node.tenant.schema_name):
        page = ArticlePageFactory(
            parent=node_column(node, "通知公告"), title=title, live=False,
            summary="会议传达学习了上级精神。",
            body=[("paragraph", RichText("<p>全体党员&amp;入党积极分子参加。</p>"))],
            **fields,
        )  # fmt: skip
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def test_the_text_read_is_what_a_reader_sees(net):
    page = article(net.village1)
    with schema_context(net.village1.tenant.schema_name):
        text = spoken_text(page)
    assert text.startswith("甲村召开党员大会。")
    assert "会议传达学习了上级精神" in text and "全体党员&入党积极分子参加。" in text
    assert "<p>" not in text and "&amp;" not in text


def test_the_engine_makes_an_mp3_and_says_plainly_when_missing(engine, monkeypatch):
    data, seconds = synthesise("中国共产党安徽省委员会。")
    assert data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xe3")
    assert 1 <= seconds < 10
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(SpeechError, match="服务器没有安装 espeak-ng"):
        synthesise("测试")


def test_publishing_asks_editing_remakes_unpublishing_forgets(engine, client, net):
    province = UserFactory(username="sheng_yuyin", roles=[(net.province, "webmaster")])
    switch_audio(user=province, on=True)
    page = article(net.village1)
    audio = ArticleAudio.objects.get(node=net.village1, page_id=page.pk)
    assert audio.state == "pending"  # made by the worker after the commit
    assert make_audio(audio.pk) == "ready"
    audio.refresh_from_db()
    first = audio.file.name
    assert default_storage.exists(first) and audio.revision_id == page.live_revision_id
    path = "/" + page.url_path.split("/", 2)[2]
    html = client.get(path, HTTP_HOST="village1.localhost").content.decode()
    assert f'src="{audio.file.url}"' in html and "朗读全文" in html

    with schema_context(net.village1.tenant.schema_name):
        page.title = "甲村召开党员大会（更正）"
        page.save_revision().publish()
        page.refresh_from_db()
    html = client.get(path, HTTP_HOST="village1.localhost").content.decode()
    assert audio.file.url not in html  # the old revision's audio is not offered
    audio.refresh_from_db()
    assert make_audio(audio.pk) == "ready"
    audio.refresh_from_db()
    assert audio.revision_id == page.live_revision_id and audio.file.name != first
    assert not default_storage.exists(first)

    with schema_context(net.village1.tenant.schema_name):
        page.unpublish()
    assert not ArticleAudio.objects.filter(page_id=page.pk).exists()
    assert not default_storage.exists(audio.file.name)


def test_no_audio_for_what_a_reader_may_not_open(net):
    page = article(net.village1, title="内部通知")
    with schema_context(net.village1.tenant.schema_name):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        with pytest.raises(ReadAloudError, match="只能为已公开发布的文章生成语音"):
            request_audio(net.village1, page)
        page.unpublish()
        with pytest.raises(ReadAloudError):
            request_audio(net.village1, page)
    assert not ArticleAudio.objects.exists()


def test_only_the_province_turns_audio_on(client, net):
    county = UserFactory(username="xian_yuyin", roles=[(net.county1, "webmaster")])
    client.force_login(county)
    refused = client.post("/admin/readaloud/", {"enabled": "on"}, HTTP_HOST="county1.localhost")
    assert refused.status_code == 403 and not AudioSwitch.current().enabled
    province = UserFactory(username="sheng_yuyin2", roles=[(net.province, "webmaster")])
    client.force_login(province)
    page = client.get("/admin/readaloud/", HTTP_HOST="prov.localhost")
    assert page.status_code == 200 and "eSpeak NG" in page.content.decode()
    client.post("/admin/readaloud/", {"enabled": "on"}, HTTP_HOST="prov.localhost")
    assert AudioSwitch.current().enabled
    client.post("/admin/readaloud/", {}, HTTP_HOST="prov.localhost")
    assert not AudioSwitch.current().enabled
