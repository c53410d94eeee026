"""A village 组织员 on a phone (375×812, touch): log in, 党务管理, 记录会议 with the
attendees ticked and two photos, saved — and the member's record reachable after.
Every screen fits the phone; the buttons are 44 px targets."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.images import get_image_model

from network.factories import UserFactory
from network.models import Node
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import AuditEntry, NodeFigures
from partyaffairs.models import Meeting, Member, Organisation
from tests.browser.conftest import PHONE, fits_the_phone

pytestmark = pytest.mark.browser

PASSWORD = "Cun-zuzhi-2026"
TOPIC = "学习党章主题党日"


@pytest.fixture
def officer(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        user = UserFactory(username="phone_zuzhi", password=PASSWORD,
                           roles=[(village, "organiser")])  # fmt: skip
        with schema_context(village.tenant.schema_name):
            branch = OrganisationFactory(node_code=village.code, name="甲村党支部")
            for name in ("王建国", "李秀英", "张志强"):
                MemberFactory(organisation=branch, name=name)
        yield user
        with schema_context(village.tenant.schema_name):
            Meeting.objects.all().delete()
            Member.objects.all().delete()
            Organisation.objects.all().delete()
            get_image_model().objects.filter(uploaded_by_user=user).delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        AuditEntry.objects.all().delete()
        NodeFigures.objects.all().delete()
        connection.set_schema_to_public()


def test_a_meeting_recorded_from_a_phone(chromium, live_server_url, officer, tmp_path):
    from playwright.sync_api import sync_playwright

    photos = []
    for index, colour in enumerate([(180, 20, 20), (20, 120, 40)]):
        photos.append(tmp_path / f"IMG_{index}.jpg")
        PILImage.new("RGB", (1200, 900), colour).save(photos[-1], "JPEG")

    def arrived(page, name):
        fits_the_phone(page, name, "party")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            page.goto(live_server_url + "/admin/")
            page.fill("input[name=username]", officer.username)
            page.fill("input[name=password]", PASSWORD)
            page.locator("form button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            page.goto(live_server_url + "/admin/party/")
            arrived(page, "overview")
            page.get_by_role("link", name="记录会议").first.click()
            arrived(page, "meeting-form")
            page.fill("input[name=topic]", TOPIC)
            for name in ("王建国", "李秀英"):
                page.get_by_label(name).check()
            page.set_input_files("input[name=photos]", [str(path) for path in photos])
            save = page.get_by_role("button", name="保存")
            assert save.bounding_box()["height"] >= 44
            save.click()
            arrived(page, "meetings")
            assert TOPIC in page.content()
            page.get_by_role("link", name=TOPIC).click()
            arrived(page, "meeting")
            text = page.content()
            assert "参会党员（2 名）" in text and "缺席（1 名）" in text and "张志强" in text
            assert page.locator("img[width='240']").count() == 2
            page.get_by_role("link", name="党员名册").click()
            arrived(page, "members")
            page.get_by_role("link", name="张志强").click()
            arrived(page, "member")
            assert "参加组织生活" in page.content()
        finally:
            browser.close()
