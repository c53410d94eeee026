"""At a village site, the full editor's button that publishes without 报送 asks once
(issue 14): dismissing the question publishes nothing; accepting publishes here only."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage
from syndication.models import Story

pytestmark = pytest.mark.browser

PASSWORD = "Cun-anniu-2026"
TITLE = "甲村只在本站发布的稿件"


@pytest.fixture
def draft(django_db_setup, django_db_blocker):
    """A village webmaster and an unpublished article of the village; removed after."""
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        user = UserFactory(
            username="anniu_zhanzhang", password=PASSWORD, roles=[(village, "webmaster")]
        )
        with schema_context(village.tenant.schema_name):
            article = ArticlePageFactory(
                parent=node_column(village, "村务公开"), title=TITLE, live=False
            )
        connection.set_schema_to_public()
        yield user, village, article
        Story.objects.filter(origin_node=village, origin_page_id=article.pk).delete()
        with schema_context(village.tenant.schema_name):
            ArticlePage.objects.filter(pk=article.pk).delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        connection.set_schema_to_public()


def test_publishing_without_submitting_asks_once(chromium, live_server_url, draft):
    from playwright.sync_api import sync_playwright

    user, village, article = draft
    questions = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page.goto(live_server_url + "/admin/login/")
            page.fill("input[name=username]", user.username)
            page.fill("input[name=password]", PASSWORD)
            page.click("form button[type=submit]")
            page.wait_for_url("**/admin/")
            page.goto(f"{live_server_url}/admin/pages/{article.pk}/edit/")
            footer = page.locator("footer")
            # the main button is the one that also submits
            assert footer.locator("button").first.inner_text().strip() == "发布并报送上级"

            def answer(accept):
                def handle(dialog):
                    questions.append(dialog.message)
                    dialog.accept() if accept else dialog.dismiss()

                return handle

            only_here = page.get_by_role("button", name="仅在本站发布（不报送）")
            page.once("dialog", answer(False))
            page.get_by_role("button", name="更多动作").click()
            only_here.click()
            page.wait_for_timeout(1000)
            assert f"/admin/pages/{article.pk}/edit/" in page.url
            page.reload()  # still a draft: no link to a live page
            assert page.get_by_role("link", name="线上页面").count() == 0
            page.once("dialog", answer(True))
            if not only_here.is_visible():
                page.get_by_role("button", name="更多动作").click()
            only_here.click()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
        finally:
            browser.close()
    assert len(questions) == 2 and "不报送上级" in questions[0], questions
    with schema_context(village.tenant.schema_name):
        assert ArticlePage.objects.get(pk=article.pk).live
    connection.set_schema_to_public()
    assert not Story.objects.filter(
        origin_node=village, origin_page_id=article.pk, submissions__isnull=False
    ).exists()
