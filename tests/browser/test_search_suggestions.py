"""搜索建议 in a reader's browser: typing 拼音 into the search box offers the title,
and the search page shows the hot searches and fits a phone (issue 17)."""

import pytest
from django.core.cache import cache
from django.db import connection

from network.models import Node
from search.indexing import text_fields
from search.models import QueryCount, SearchEntry
from tests.tools import artifacts_dir

pytestmark = pytest.mark.browser

TITLE = "甲村党建网站上线试运行"


@pytest.fixture
def indexed_title(django_db_setup, django_db_blocker):
    """An index entry and three searches for it, committed, removed afterwards."""
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        village = Node.objects.get(code="340111001001")
        entry = SearchEntry.objects.create(
            node=village, page_id=990_001, level=village.level, title=TITLE, url_path="/x/",
            text="正文", dictionary_version="t", **text_fields(TITLE, "正文", village.pk),
        )  # fmt: skip
        yield entry
        entry.delete()
        QueryCount.objects.filter(node=village).delete()


def test_typing_pinyin_offers_the_title_and_the_page_fits_a_phone(
    chromium, live_server_url, indexed_title
):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 375, "height": 812})
            for _ in range(3):  # three searches make a hot search
                page.goto(live_server_url + "/search/?q=" + "党建网站")
            cache.clear()  # the hot list is cached for ten minutes
            page.goto(live_server_url + "/search/")
            box = page.locator("#id_q")
            with page.expect_response(lambda r: "/search/suggest/?q=djwz" in r.url):
                box.press_sequentially("djwz", delay=30)
            page.wait_for_function(
                "() => document.querySelectorAll('#search-suggestions option').length > 0"
            )
            options = page.eval_on_selector_all(
                "#search-suggestions option", "options => options.map(o => o.value)"
            )
            assert TITLE in options
            hot = page.locator(".search-hot")
            assert "党建网站" in hot.inner_text()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"the search page is {width}px wide on a phone"
            page.screenshot(path=str(artifacts_dir() / "search-suggestions-phone.png"))
        finally:
            browser.close()
