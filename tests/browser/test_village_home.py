"""A reader's browser: Debian's Chromium, headless, against a live server.

The live server has its own database connection, so the data here is committed and
removed afterwards. Screenshots go to var/test-artifacts/ (XFNET_TEST_ARTIFACTS).
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from sites.models import ArticlePage
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.models import Story
from syndication.pushing import push_down
from tests.tools import artifacts_dir

pytestmark = pytest.mark.browser

HEADLINE = "全省基层党建工作推进会召开"


@pytest.fixture
def province_headline(django_db_setup, django_db_blocker):
    """A province story pushed to every site, committed, and removed afterwards."""
    with django_db_blocker.unblock():
        province = Node.objects.select_related("tenant").get(code="340000")
        reviewer = UserFactory(username="browser_sheng", roles=[(province, "reviewer")])
        story = story_at(province, title=HEADLINE, source="省委组织部")
        push_down(user=reviewer, node=province, story=story, pinned=True)
        run_pending_here()
        connection.set_schema_to_public()
        yield story
        Story.objects.filter(pk=story.pk).delete()
        with schema_context(province.tenant.schema_name):
            ArticlePage.objects.filter(pk=story.origin_page_id).delete()
            # accounts are public, but Wagtail's per-schema tables point at them too
            reviewer.delete()
        connection.set_schema_to_public()
        caches["pages"].clear()


def test_village_home_on_a_phone_and_a_desktop(chromium, live_server_url, province_headline):
    from playwright.sync_api import sync_playwright

    out = artifacts_dir()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            for name, width, height in [("phone", 375, 812), ("desktop", 1280, 900)]:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(live_server_url + "/")
                headline = page.get_by_role("link", name=HEADLINE).first
                assert headline.is_visible(), f"province headline not visible at {width}px"
                # nothing wider than the screen: no sideways scrolling on a phone
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                assert scroll_width <= width, f"page is {scroll_width}px wide at {width}px"
                page.screenshot(path=str(out / f"village-home-{name}.png"), full_page=True)
                page.close()

            # 长辈模式: larger text at once, and still on after a reload
            page = browser.new_page(viewport={"width": 375, "height": 812})
            page.goto(live_server_url + "/")
            size = "getComputedStyle(document.body).fontSize"
            before = float(page.evaluate(size).removesuffix("px"))
            toggle = page.get_by_role("button", name="长辈模式")
            assert toggle.get_attribute("aria-pressed") == "false"
            toggle.click()
            assert toggle.get_attribute("aria-pressed") == "true"
            after = float(page.evaluate(size).removesuffix("px"))
            assert after >= before * 1.25, (before, after)
            page.reload()
            assert float(page.evaluate(size).removesuffix("px")) == after
            assert (
                page.get_by_role("button", name="长辈模式").get_attribute("aria-pressed") == "true"
            )
            page.screenshot(path=str(out / "village-home-elder.png"), full_page=True)

            # keyboard: the first Tab reaches the skip link, which moves focus to the content
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "跳到正文"
            page.keyboard.press("Enter")
            assert page.evaluate("location.hash") == "#main"
        finally:
            browser.close()
