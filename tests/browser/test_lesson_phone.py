"""网上课堂 on a phone (375×812, touch): a member opens a lesson whose video a real
ffmpeg transcoded, plays it through the vendored hls.js (Media Source Extensions,
allowed by the page's Content-Security-Policy) to the end, and the server records the
lesson as learnt and the 学习积分 once; every screen fits the phone."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from classroom.factories import CourseFactory, LessonFactory
from classroom.models import Course, Progress
from network.models import Node
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.models import Member, Organisation
from syndication.models import PointAward
from tests.browser.conftest import PHONE, fits_the_phone, member_logs_in
from tests.tools import artifacts_dir, require_program
from videos.models import Video
from videos.tests.conftest import make_clip
from videos.transcoding import remove_video, transcode

pytestmark = pytest.mark.browser

PASSWORD = "Cun-ketang-2026"


@pytest.fixture
def lesson_and_member(django_db_setup, django_db_blocker, tmp_path):
    require_program("ffmpeg", "apt-get install ffmpeg")
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        county = Node.objects.get(code="340111")
        with schema_context(village.tenant.schema_name):
            branch = OrganisationFactory(node_code=village.code, name="甲村党支部")
            record = MemberFactory(organisation=branch, name="李红")
        user = get_user_model().objects.create_user("phone_ketang", password=PASSWORD)
        MemberAccount.objects.create(user=user, node=village, member_uuid=record.uuid)
        video = Video.objects.create(node=county, title="初心使命", source_name="lesson.mp4")
        source_root = Path(settings.XFNET_VIDEO_SOURCE_ROOT)
        source_root.mkdir(parents=True, exist_ok=True)
        shutil.copy(make_clip(tmp_path / "lesson.mp4", seconds=3), source_root / "lesson.mp4")
        assert transcode(video.pk) == "ready"
        course = CourseFactory(node=county, title="初心使命专题")
        lesson = LessonFactory(course=course, title="第一讲 不忘初心", video_id=video.pk)
        yield lesson, user
        PointAward.objects.filter(user=user).delete()
        Course.objects.all().delete()
        remove_video(Video.objects.get(pk=video.pk))
        MemberAccount.objects.filter(user=user).delete()
        with schema_context(village.tenant.schema_name):
            Member.objects.all().delete()
            Organisation.objects.all().delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        connection.set_schema_to_public()


def test_a_lesson_video_plays_on_a_phone_and_counts_when_watched_to_the_end(
    chromium, live_server_url, lesson_and_member, django_db_blocker
):
    from playwright.sync_api import expect, sync_playwright

    _, user = lesson_and_member
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
        )
        try:
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            member_logs_in(page, live_server_url, user.username, PASSWORD)
            page.goto(live_server_url + "/classroom/")
            fits_the_phone(page, "list", "lesson")
            with page.expect_navigation():
                page.get_by_role("link", name="初心使命专题").tap()
            with page.expect_navigation():
                page.get_by_role("link", name="第一讲 不忘初心").tap()
            video = page.locator("video")
            # hls.js took the stream: the element plays a Media Source (blob:) URL
            expect(video).to_have_attribute("src", re.compile(r"^blob:"))
            assert video.get_attribute("poster").endswith("/poster.jpg")
            fits_the_phone(page, "lesson", "lesson")
            video.evaluate("v => v.play()")
            status = page.locator("[data-lesson-status]")
            expect(status).to_contain_text("本课时已学完", timeout=30_000)
            expect(status).to_contain_text("学习积分 2 分")
            page.screenshot(path=str(artifacts_dir() / "lesson-learnt.png"))
            assert not [e for e in errors if "Content Security Policy" in e], errors
        finally:
            browser.close()
    with django_db_blocker.unblock():
        progress = Progress.objects.get(user=user)
        assert progress.completed_at is not None and progress.watched >= 1
        assert PointAward.objects.filter(user=user, activity="lesson").count() == 1
