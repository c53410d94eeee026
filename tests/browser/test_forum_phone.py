"""论坛议事 on a phone (375×812, touch): a member logs in at 个人中心, opens the forum
from the footer, posts a topic with a photo taken on the phone, and reads it back
with the photo; every screen fits the phone."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from forums.models import Board, PostImage, Topic
from network.models import Node
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.models import Member, Organisation
from tests.browser.conftest import PHONE, fits_the_phone, member_logs_in

pytestmark = pytest.mark.browser

PASSWORD = "Cun-luntan-2026"


@pytest.fixture
def member(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        with schema_context(village.tenant.schema_name):
            branch = OrganisationFactory(node_code=village.code, name="甲村党支部")
            record = MemberFactory(organisation=branch, name="李秀英")
        user = get_user_model().objects.create_user("phone_luntan", password=PASSWORD,
                                                    first_name="李秀英")  # fmt: skip
        MemberAccount.objects.create(user=user, node=village, member_uuid=record.uuid)
        yield user
        Board.objects.all().delete()
        MemberAccount.objects.filter(user=user).delete()
        with schema_context(village.tenant.schema_name):
            Member.objects.all().delete()
            Organisation.objects.all().delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        connection.set_schema_to_public()


def test_a_member_posts_a_topic_with_a_photo_from_a_phone(
    chromium, live_server_url, member, tmp_path, django_db_blocker
):
    from playwright.sync_api import sync_playwright

    photo = tmp_path / "IMG_0001.jpg"
    PILImage.new("RGB", (3000, 2000), (30, 120, 200)).save(photo, "JPEG")

    def arrived(page, name):
        fits_the_phone(page, name, "forum")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            member_logs_in(page, live_server_url, member.username, PASSWORD)
            page.goto(live_server_url + "/")
            with page.expect_navigation():  # a new page: wait for it, not the old one
                page.get_by_role("link", name="论坛议事").click()
            arrived(page, "home")
            with page.expect_navigation():
                page.get_by_role("link", name="康乐空间").click()
            arrived(page, "board")
            page.get_by_label("标题").fill("周末组织篮球友谊赛")
            page.get_by_label("内容").fill("本周六下午三点在村文化广场，欢迎报名。")
            page.set_input_files("input[name=images]", [str(photo)])
            post = page.get_by_role("button", name="发表")
            assert post.bounding_box()["height"] >= 44
            with page.expect_navigation():
                post.tap()
            page.wait_for_url("**/forum/t/**")
            arrived(page, "topic")
            assert "周末组织篮球友谊赛" in page.content() and "李**" in page.content()
            shown = page.locator("img.forum-image")
            assert shown.count() == 1
            width = shown.evaluate("img => img.getBoundingClientRect().width")
            natural = shown.evaluate("img => img.naturalWidth")
            assert 0 < width <= 375 and natural == 1600  # made smaller on the server
        finally:
            browser.close()
    with django_db_blocker.unblock():
        topic = Topic.objects.get()
        assert topic.author == member and PostImage.objects.get().width == 1600
