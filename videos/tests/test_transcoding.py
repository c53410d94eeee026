"""Videos: an upload is checked while the request is open (a wrong file is refused
with one sentence and leaves nothing), and a real worker with Debian's ffmpeg makes
the H.264/AAC MP4, two HLS renditions with valid playlists, and a poster."""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from network.factories import UserFactory
from network.models import Node
from tests.tools import wait_for
from videos.ffmpeg import FfmpegMissing
from videos.models import Video, VideoState
from videos.tasks import transcode_video
from videos.transcoding import claim, output_root, transcode

HOST = "county1.localhost"


def streams(path: Path) -> dict:
    run = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams",
                          str(path)], capture_output=True, check=True)  # fmt: skip
    return {s["codec_type"]: s for s in json.loads(run.stdout)["streams"]}


def upload(client, path: Path, title="党课视频"):
    file = SimpleUploadedFile(path.name, path.read_bytes(), content_type="video/mp4")
    return client.post("/admin/videos/upload/", {"title": title, "file": file})


def sources() -> list:
    root = Path(settings.XFNET_VIDEO_SOURCE_ROOT)
    return sorted(root.iterdir()) if root.exists() else []


@pytest.fixture
def editor(db, net):
    client = Client(HTTP_HOST=HOST)
    client.force_login(UserFactory(username="vid_editor", roles=[(net.county1, "editor")]))
    return client


@pytest.mark.parametrize(
    ("name", "message"),
    [("notes", "不是视频"), ("picture", "不是视频"), ("cut", "已损坏")],
)
def test_a_file_that_is_no_playable_video_is_refused_and_nothing_is_kept(
    editor, clips, name, message
):
    before = sources()
    refused = upload(editor, clips[name])
    assert refused.status_code == 400
    assert message in refused.content.decode()
    assert not Video.objects.exists()
    assert sources() == before


def test_a_file_of_another_kind_is_refused_by_its_name(editor):
    file = SimpleUploadedFile("讲话稿.docx", b"PK\x03\x04 not a video")
    refused = editor.post("/admin/videos/upload/", {"title": "讲话", "file": file})
    assert refused.status_code == 400
    assert "只能上传视频文件" in refused.content.decode()
    assert not Video.objects.exists()


def test_an_upload_waits_for_a_worker_and_only_editors_of_the_site_upload(net, clips):
    stranger = Client(HTTP_HOST=HOST)
    stranger.force_login(UserFactory(username="vid_other", roles=[(net.county2, "editor")]))
    assert upload(stranger, clips["clip"]).status_code == 403
    assert not Video.objects.exists()


def test_a_fresh_claim_is_not_taken_twice(db, net, clips, settings):
    video = Video.objects.create(node=net.county1, title="t", source_name="none.mp4")
    assert claim(video) is True
    assert claim(video) is False  # the same task handed out again while it runs
    assert transcode(video.pk) == "nothing to do"


def test_a_missing_source_fails_with_a_reason_and_leaves_no_directory(db, net):
    video = Video.objects.create(node=net.county1, title="丢失", source_name="gone.mp4")
    assert transcode(video.pk) == "failed"
    video.refresh_from_db()
    assert video.state == VideoState.FAILED
    assert "找不到上传的视频文件" in video.error
    assert not (output_root() / str(video.uuid)).exists()
    assert not (output_root() / f".{video.uuid}.partial").exists()


@pytest.fixture
def uploaded(django_db_setup, django_db_blocker, clips):
    """Committed for the worker: an editor's client; videos and files removed after."""
    with django_db_blocker.unblock():
        county = Node.objects.get(code="340111")
        user = UserFactory(username="vid_worker", roles=[(county, "editor")])
        client = Client(HTTP_HOST=HOST)
        client.force_login(user)
        yield client
        for video in Video.objects.all():
            from videos.transcoding import remove_video  # after the worker is done

            remove_video(video)
        get_user_model().objects.filter(pk=user.pk).delete()


@pytest.mark.celery
def test_a_worker_transcodes_to_mp4_two_hls_renditions_and_a_poster(
    worker, uploaded, clips, django_db_blocker
):
    with django_db_blocker.unblock():
        assert upload(uploaded, clips["clip"], "党课：初心").status_code == 302
        assert upload(uploaded, clips["silent"], "无声片段").status_code == 302
        videos = list(Video.objects.order_by("pk"))
    # the upload answered before the transcode was done: a worker does it
    assert all(v.state in (VideoState.WAITING, VideoState.WORKING) for v in videos)

    def ready():
        with django_db_blocker.unblock():
            return not Video.objects.exclude(state__in=["ready", "failed"]).exists()

    wait_for(ready, "both transcodes", timeout=120)
    # the same task handed out again does nothing
    assert transcode_video.delay(videos[0].pk).get(timeout=60) == "nothing to do"
    with django_db_blocker.unblock():
        videos = list(Video.objects.order_by("pk"))
        page = uploaded.get("/admin/videos/").content.decode()
    assert [v.state for v in videos] == ["ready", "ready"], [v.error for v in videos]
    assert "可以播放" in page and "党课：初心" in page
    for video in videos:
        out = output_root() / str(video.uuid)
        mp4 = streams(out / "video.mp4")
        assert mp4["video"]["codec_name"] == "h264" and mp4["audio"]["codec_name"] == "aac"
        assert int(mp4["video"]["height"]) == 480  # never above the source
        assert 3.5 < video.duration < 4.5
        master = (out / "hls" / "master.m3u8").read_text()
        assert master.count("#EXT-X-STREAM-INF") == 2
        for variant in ("0", "1"):
            playlist = (out / "hls" / variant / "index.m3u8").read_text()
            assert "#EXT-X-ENDLIST" in playlist
            segments = [line for line in playlist.splitlines() if line.endswith(".ts")]
            assert segments and all((out / "hls" / variant / s).is_file() for s in segments)
        low = streams(out / "hls" / "1" / "seg000.ts")
        assert int(low["video"]["height"]) < int(mp4["video"]["height"])
        assert (out / "poster.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
        assert not (out / "low.mp4").exists()
        assert video.transcode_seconds is not None
    assert sources() == []  # the uploads are gone once transcoded


def test_a_machine_without_ffmpeg_refuses_uploads_and_keeps_waiting_ones(
    editor, net, clips, monkeypatch
):
    source = Path(settings.XFNET_VIDEO_SOURCE_ROOT)
    source.mkdir(parents=True, exist_ok=True)
    waiting = Video.objects.create(node=net.county1, title="等待", source_name="waiting.mp4")
    (source / "waiting.mp4").write_bytes(clips["clip"].read_bytes())
    monkeypatch.setenv("PATH", "/nonexistent")
    refused = upload(editor, clips["clip"])
    assert refused.status_code == 400 and "没有安装 ffmpeg" in refused.content.decode()
    assert Video.objects.count() == 1
    with pytest.raises(FfmpegMissing):
        transcode(waiting.pk)
    waiting.refresh_from_db()
    assert waiting.state == VideoState.WAITING and "ffmpeg" in waiting.error
    assert (source / "waiting.mp4").exists()  # the upload is kept for a worker that can
    (source / "waiting.mp4").unlink()
