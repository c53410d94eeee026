import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.generations import forget_site
from sites.factories import (
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    node_collection,
    node_column,
)
from sites.models import ArticlePage, ColumnPage

pytestmark = pytest.mark.django_db


def test_chinese_titles_get_unique_pinyin_slugs(net):
    with schema_context(net.county2.tenant.schema_name):
        column = node_column(net.county2, "通知公告")
        first = ArticlePageFactory(parent=column, title="关于召开党员大会的通知")
        second = ArticlePageFactory(parent=column, title="关于召开党员大会的通知")
    assert first.slug == "guan-yu-zhao-kai-dang-yuan-da-hui-de-tong-zhi"
    assert second.slug == "guan-yu-zhao-kai-dang-yuan-da-hui-de-tong-zhi-2"


def test_column_lists_its_and_its_sub_columns_articles_newest_first_paginated(client, net):
    now = timezone.now()
    with schema_context(net.county2.tenant.schema_name):
        column = node_column(net.county2, "基层动态")
        sub = column.add_child(instance=ColumnPage(title="乡镇动态", show_in_menus=True))
        for day in range(22):
            ArticlePageFactory(
                parent=column, title=f"动态{day:02d}", date=now - timedelta(days=day)
            )
        ArticlePageFactory(parent=sub, title="子栏目最新动态", date=now + timedelta(hours=1))
        hidden = ArticlePageFactory(parent=column, title="未发布稿件", live=False)
        assert not hidden.live
    first = client.get("/ji-ceng-dong-tai/", HTTP_HOST="county2.localhost").content.decode()
    listing = first.split('<ul class="article-list">')[1].split("</ul>")[0]
    titles = re.findall(r'<a href="[^"]+">([^<]+)</a>', listing)
    assert len(titles) == 20
    assert titles[0] == "子栏目最新动态"
    assert titles[1:4] == ["动态00", "动态01", "动态02"]
    assert "未发布稿件" not in first
    assert "第 1 / 2 页" in first
    assert 'href="/ji-ceng-dong-tai/xiang-zhen-dong-tai/">乡镇动态</a>' in first  # sub-column link
    second = client.get("/ji-ceng-dong-tai/?page=2", HTTP_HOST="county2.localhost").content.decode()
    assert "动态21" in second and "动态00" not in second
    # a page number past the end shows the last page rather than an error
    past = client.get("/ji-ceng-dong-tai/?page=99", HTTP_HOST="county2.localhost")
    assert past.status_code == 200 and "动态21" in past.content.decode()


def test_hidden_and_reordered_columns_follow_the_page_tree(client, net):
    with schema_context(net.town2.tenant.schema_name):
        home = Page.objects.get(pk=net.town2.root_page_id)
        columns = list(ColumnPage.objects.child_of(home))
        columns[0].show_in_menus = False  # hide 通知公告
        columns[0].save()
        columns[1].title = "镇党委要闻"  # rename 党建要闻
        columns[1].save()
        columns[-1].move(home, pos="first-child")  # 专题活动 to the front
    html = client.get("/", HTTP_HOST="town2.localhost").content.decode()
    nav = html.split('aria-label="栏目导航"')[1].split("</nav>")[0]
    labels = [part.split("</a>")[0].split(">")[-1] for part in nav.split("<li>")[1:]]
    assert labels[:3] == ["首页", "专题活动", "镇党委要闻"]
    assert "通知公告" not in labels


def test_article_page_renders_every_body_block_and_its_byline(client, net):
    with schema_context(net.village3.tenant.schema_name):
        collection = node_collection(net.village3)
        image = ImageFactory(collection=collection, title="支部活动")
        document = DocumentFactory(collection=collection, title="通知原文")
        column = node_column(net.village3, "党务公开")
        article = ArticlePageFactory(
            parent=column,
            title="丙村党务公开",
            source="丙村党支部",
            author="李红梅",
            summary="本季度党务公开内容。",
            body=[
                ("paragraph", "<p>公开内容如下。</p>"),
                ("image", {"image": image, "caption": "支部活动现场"}),
                ("gallery", {"title": "活动剪影", "images": [
                    {"image": image, "caption": "一"}, {"image": image, "caption": "二"}]}),
                ("attachment", {"document": document, "title": "通知原文.pdf"}),
                ("quote", {"quote": "不忘初心，牢记使命。", "attribution": "十九大报告"}),
                ("table", {"first_row_is_table_header": True, "first_col_is_header": False,
                           "data": [["项目", "金额"], ["党费", "1200"]]}),
            ],
        )  # fmt: skip
        article.tags.add("党务公开", "三会一课")
        article.save()
        url = article.get_url_parts()[2]
    html = client.get(url, HTTP_HOST="village3.localhost").content.decode()
    for expected in (
        "<h1>丙村党务公开</h1>", "来源：丙村党支部", "作者：李红梅", "本季度党务公开内容。",
        "公开内容如下。", "支部活动现场", "活动剪影", "通知原文.pdf", "不忘初心，牢记使命。",
        "1200", "三会一课", 'aria-label="当前位置"',
    ):  # fmt: skip
        assert expected in html, expected
    with schema_context(net.village3.tenant.schema_name):
        assert set(ArticlePage.objects.get(pk=article.pk).tags.names()) == {"党务公开", "三会一课"}


def test_home_page_shows_latest_articles_per_column(client, net):
    with schema_context(net.village3.tenant.schema_name):
        column = node_column(net.village3, "美好乡村")
        ArticlePageFactory(parent=column, title="丙村人居环境整治见成效")
    html = client.get("/", HTTP_HOST="village3.localhost").content.decode()
    grid = html.split('<div class="column-grid">')[1]
    block = grid.split('<a href="/mei-hao-xiang-cun/">美好乡村</a>')[1].split("</section>")[0]
    assert "丙村人居环境整治见成效" in block


def test_webmaster_adds_a_nested_column_in_the_admin(client, net):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from network.factories import UserFactory

    webmaster = UserFactory(username="bing_webmaster", roles=[(net.village3, "webmaster")])
    client.force_login(webmaster)
    with schema_context(net.village3.tenant.schema_name):
        parent = node_column(net.village3, "党务公开")
    response = client.post(
        f"/admin/pages/add/xfsites/columnpage/{parent.pk}/",
        nested_form_data(
            {
                "title": "党费公示",
                "slug": "",
                "intro": "",
                "kind": "disclosure",
                "show_in_menus": "on",
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
        HTTP_HOST="village3.localhost",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/dang-wu-gong-kai/", HTTP_HOST="village3.localhost").content.decode()
    assert 'href="/dang-wu-gong-kai/dang-fei-gong-shi/">党费公示</a>' in html


def test_home_page_lists_each_columns_newest_articles_in_queries_that_do_not_grow(client, net):
    """The latest articles of every column come from one ranked query: a site with more
    columns and articles renders with the same number of queries."""
    host = "village2.localhost"

    def uncached_queries():
        forget_site(net.village2)
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/", HTTP_HOST=host).content.decode()
        return len(queries.captured_queries), html

    uncached_queries()  # the host, the site's root paths and its theme are cached from here
    before, _ = uncached_queries()
    now = timezone.now()
    with schema_context(net.village2.tenant.schema_name):
        home = net.village2.root_page_id
        home_page = Page.objects.get(pk=home)
        for number in range(3):
            column = home_page.add_child(
                instance=ColumnPage(title=f"新栏目{number}", show_in_menus=True)
            )
            sub = column.add_child(instance=ColumnPage(title=f"子栏目{number}"))
            for day in range(7):
                ArticlePageFactory(
                    parent=sub if day % 2 else column,
                    title=f"新栏目{number}稿件{day}",
                    date=now - timedelta(days=day),
                )
    after, html = uncached_queries()
    assert after == before
    blocks = html.split('<section class="column-block"')[1:]
    for number in range(3):
        # a village shows five per column: its own and its sub-column's, newest first
        (section,) = [block for block in blocks if f">新栏目{number}</a>" in block]
        assert re.findall(rf"新栏目{number}稿件(\d)", section) == ["0", "1", "2", "3", "4"]
