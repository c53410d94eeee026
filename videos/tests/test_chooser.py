"""Where a ready video may be placed: the article's 视频 block and the lesson form
offer a site its own videos and those of the sites above it, never another county's,
never one still transcoding; the block plays it with the HLS player."""

import json

import pytest
from django.test import Client
from django_tenants.utils import schema_context

from classroom.factories import LessonFactory
from network.factories import UserFactory
from sites.factories import ArticlePageFactory, node_column
from videos.factories import VideoFactory

pytestmark = pytest.mark.django_db


def test_the_chooser_offers_the_sites_and_its_ancestors_ready_videos(net):
    VideoFactory(node=net.county1, title="县里的党课")
    VideoFactory(node=net.village1, title="村里的党课")
    VideoFactory(node=net.county2, title="别县的党课")
    VideoFactory(node=net.village1, title="还在转码", state="working")
    editor = Client(HTTP_HOST="village1.localhost")
    editor.force_login(UserFactory(username="vc_cun", roles=[(net.village1, "editor")]))
    html = json.loads(editor.get("/admin/videos/chooser/").content)["html"]
    assert "县里的党课" in html and "村里的党课" in html
    assert "别县的党课" not in html and "还在转码" not in html
    foreign = VideoFactory(node=net.county2, title="乙县视频")
    assert editor.get(f"/admin/videos/chooser/{foreign.pk}/").status_code == 404


def test_the_article_block_plays_a_hosted_video(net):
    video = VideoFactory(node=net.county1, title="党课视频", duration=125)
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePageFactory(
            parent=node_column(net.village1, "通知公告"), title="观看党课",
            body=[("video", {"hosted": video, "video": None, "file": None, "caption": "第一讲"})],
        )  # fmt: skip
        path = article.get_url_parts()[2]
    page = Client(HTTP_HOST="village1.localhost").get(path).content.decode()
    assert f'data-hls="{video.hls_url}"' in page and f'poster="{video.poster_url}"' in page
    assert f'<source src="{video.mp4_url}" type="video/mp4">' in page
    assert "hls.light.min.js" in page and "<figcaption>第一讲</figcaption>" in page


def test_a_video_a_lesson_uses_is_not_deleted(net, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    video = VideoFactory(node=net.county1, title="在用的视频")
    (tmp_path / "videos" / str(video.uuid)).mkdir(parents=True)
    (tmp_path / "videos" / str(video.uuid) / "video.mp4").write_bytes(b"mp4")
    LessonFactory(course__node=net.county1, video=video)
    staff = Client(HTTP_HOST="county1.localhost")
    staff.force_login(UserFactory(username="vc_xian", roles=[(net.county1, "editor")]))
    refused = staff.post("/admin/videos/", {"video": video.pk})
    assert refused.status_code == 400 and "正在课程中使用" in refused.content.decode()
    assert (tmp_path / "videos" / str(video.uuid) / "video.mp4").exists()
    unused = VideoFactory(node=net.county1, title="不用的视频")
    assert staff.post("/admin/videos/", {"video": unused.pk}).status_code == 302
    assert not type(video).objects.filter(pk=unused.pk).exists()
