"""A village webmaster on a phone (375×812, touch): log in, 写稿 with a photo, published
and submitted up — counted in taps and screens (issue 14's floor: ≤ 8 taps, ≤ 4
screens). Typing, and the tap that puts the cursor in a field to type, are not taps
here; choosing the photo in the phone's picker is."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.images import get_image_model

from network.factories import UserFactory
from network.models import Node
from sites.models import ArticlePage
from syndication.models import Story
from tests.browser.conftest import PHONE, fits_the_phone

pytestmark = pytest.mark.browser

TITLE = "甲村开展主题党日活动"
PASSWORD = "Cun-zhanzhang-2026"


@pytest.fixture
def webmaster(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        user = UserFactory(
            username="phone_zhanzhang", password=PASSWORD, first_name="秀英", last_name="王",
            roles=[(village, "webmaster")],
        )  # fmt: skip
        yield user
        Story.objects.filter(origin_node=village).delete()
        with schema_context(village.tenant.schema_name):
            ArticlePage.objects.filter(title=TITLE).delete()
            get_image_model().objects.filter(uploaded_by_user=user).delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        connection.set_schema_to_public()


def test_post_publish_and_submit_from_a_phone(chromium, live_server_url, webmaster, tmp_path):
    from playwright.sync_api import sync_playwright

    picture = tmp_path / "IMG_20261123_093012.jpg"
    PILImage.new("RGB", (4000, 3000), (180, 20, 20)).save(picture, "JPEG")
    taps, screens = [], []

    def tap(locator, what):
        taps.append(what)
        locator.click()

    def arrived(page, name):
        screens.append(name)
        fits_the_phone(page, f"{len(screens)}-{name}", "quickpost")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            started = time.monotonic()
            page.goto(live_server_url + "/admin/")
            arrived(page, "login")
            page.fill("input[name=username]", webmaster.username)
            page.fill("input[name=password]", PASSWORD)
            tap(page.locator("form button[type=submit]"), "登录")
            arrived(page, "dashboard")
            tap(page.get_by_role("link", name="写稿").first, "写稿")
            arrived(page, "write")
            page.fill("#id_title", TITLE)
            page.fill("#id_text", "11月23日，甲村党支部开展主题党日活动。\n\n全体党员参加。")
            with page.expect_file_chooser() as chooser:
                tap(page.locator("label[for=id_photos]"), "添加照片")
            taps.append("在相册中选照片")
            chooser.value.set_files(str(picture))
            page.fill("#id_description_0", "主题党日活动现场")
            button = page.get_by_role("button", name="发布并报送")
            box = button.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, box
            tap(button, "发布并报送")
            page.wait_for_url("**/admin/write/done/**")
            arrived(page, "done")
            took = time.monotonic() - started
            done = page.locator("main").inner_text()
            assert "已发布到甲村" in done and "已报送甲镇" in done, done
        finally:
            browser.close()
    print(f"taps: {taps}; screens: {screens}; {took:.1f} s scripted")
    assert len(taps) <= 8 and len(screens) <= 4, (taps, screens)
    # what the reader gets: the article with its photo described
    village = Node.objects.get(code="340111001001")
    with schema_context(village.tenant.schema_name):
        article = ArticlePage.objects.get(title=TITLE)
        assert article.live and article.cover_image.title == "主题党日活动现场"
    connection.set_schema_to_public()
    assert Story.objects.get(origin_page_id=article.pk, origin_node=village).submissions.exists()
