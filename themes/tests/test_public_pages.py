"""Every page type a reader meets, on a backbone (county) and a grassroots (village) site."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.factories import UserFactory
from sites.factories import ArticlePageFactory, ColumnPageFactory, DocumentFactory, node_column
from sites.visibility import public_pages
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.pushing import push_down

SITES = {"county1": "county1.localhost", "village1": "village1.localhost"}


def get(client, host, path="/"):
    response = client.get(path, HTTP_HOST=host)
    return response, response.content.decode()


@pytest.fixture(params=sorted(SITES))
def site(request, net):
    """One site with a column holding a sub-column and three dated articles."""
    node = getattr(net, request.param)
    with schema_context(node.tenant.schema_name):
        column = node_column(node, "通知公告")
        sub = ColumnPageFactory(parent=column, title="党务公开")
        now = timezone.now()
        document = DocumentFactory(title="通知原文")
        articles = [
            ArticlePageFactory(
                parent=column,
                title=title,
                date=now - timedelta(days=3 - i),
                source="组织部",
                author="张三",
                body=[
                    ("paragraph", "<p>正文内容。</p>"),
                    ("attachment", {"document": document, "title": "通知原文.pdf"}),
                ],
            )
            for i, title in enumerate(["第一篇通知", "第二篇通知", "第三篇通知"])
        ]
        for article in articles:
            article.tags.add("三会一课")
            article.save()
        paths = {
            "column": column.url_path.split("/", 2)[2],
            "sub": sub.url_path.split("/", 2)[2],
            "articles": [a.url_path.split("/", 2)[2] for a in articles],
        }
    return {"node": node, "host": SITES[request.param], **paths}


def test_home_page_has_navigation_columns_footer_and_level(client, site):
    response, html = get(client, site["host"])
    assert response.status_code == 200
    assert '<html lang="zh-CN">' in html
    assert f'class="level-{site["node"].level} page-home"' in html
    # two-level navigation, the home entry marked as current
    assert '<a href="/" aria-current="page" class="current">首页</a>' in html
    assert f'<a href="/{site["sub"]}">党务公开</a>' in html
    assert "第三篇通知" in html.split('<div class="column-grid">')[1]
    assert 'type="application/rss+xml"' in html
    assert "长辈模式" in html


def test_column_page_lists_articles_newest_first_and_marks_the_column(client, site):
    response, html = get(client, site["host"], "/" + site["column"])
    assert response.status_code == 200
    nav = html.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert f'<a href="/{site["column"]}" aria-current="page" class="current">通知公告</a>' in nav
    listing = html.split('<ul class="article-list">')[1]
    assert listing.index("第三篇通知") < listing.index("第二篇通知") < listing.index("第一篇通知")
    assert 'class="sub-columns"' in html and "党务公开" in html
    # a sub-column page marks its parent in the menu as holding the current page
    _, sub_html = get(client, site["host"], "/" + site["sub"])
    assert f'<a href="/{site["column"]}" aria-current="true" class="current">' in sub_html


def test_column_pages_paginate(client, net):
    with schema_context(net.village1.tenant.schema_name):
        column = ColumnPageFactory(parent=node_column(net.village1, "村务公开"), title="财务公开")
        for i in range(23):
            ArticlePageFactory(parent=column, title=f"财务公开第{i}期")
        path = "/" + column.url_path.split("/", 2)[2]
    _, first = get(client, "village1.localhost", path)
    _, second = get(client, "village1.localhost", path + "?page=2")
    assert "第 1 / 2 页" in first and 'rel="next"' in first
    assert "第 2 / 2 页" in second and second.count("财务公开第") == 3
    # a page number past the end shows the last page rather than an error
    response, _ = get(client, "village1.localhost", path + "?page=99")
    assert response.status_code == 200


def test_article_page_has_byline_views_attachments_tags_and_neighbours(client, site):
    response, html = get(client, site["host"], "/" + site["articles"][1])
    assert response.status_code == 200
    assert "<h1>第二篇通知</h1>" in html
    for expected in ("发布时间：", "来源：组织部", "作者：张三", "阅读次数：0", "当前位置："):
        assert expected in html, expected
    assert 'class="attachments"' in html and "通知原文.pdf" in html
    assert '<a class="tag" href="/tags/%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE/">三会一课</a>' in html
    neighbours = html.split('<nav class="prev-next"')[1]
    assert 'rel="prev">第一篇通知</a>' in neighbours
    assert 'rel="next">第三篇通知</a>' in neighbours
    assert "data-print" in html and "print.css" in html


def test_tag_page_lists_the_sites_articles_with_the_tag(client, site):
    response, html = get(client, site["host"], "/tags/三会一课/")
    assert response.status_code == 200
    assert "<h1>标签：三会一课</h1>" in html
    assert all(title in html for title in ("第一篇通知", "第二篇通知", "第三篇通知"))
    assert get(client, site["host"], "/tags/没有这个标签/")[0].status_code == 404


def test_site_and_column_feeds_are_rss_2(client, site):
    for path, title in [("/rss.xml", site["node"].name), (f"/{site['column']}rss.xml", "通知公告")]:
        response, body = get(client, site["host"], path)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        feed = feedparser.parse(body)
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "rss20"
        assert title in feed.feed.title
        titles = [entry.title for entry in feed.entries]
        assert titles[:3] == ["第三篇通知", "第二篇通知", "第一篇通知"]
        assert feed.entries[0].link.startswith(f"http://{site['host']}/")


def test_sitemap_lists_only_this_sites_public_pages(client, net, site):
    response, body = get(client, site["host"], "/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(body.encode())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert f"http://{site['host']}/" in locations
    assert f"http://{site['host']}/{site['articles'][0]}" in locations
    assert all(loc.startswith(f"http://{site['host']}/") for loc in locations)
    # village2 shares village1's schema: none of its pages are listed
    assert not any("village2" in loc for loc in locations)


def test_sitemap_leaves_out_drafts_and_restricted_pages(client, net):
    from wagtail.models import PageViewRestriction

    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "村务公开")
        draft = ArticlePageFactory(parent=column, title="草稿", live=False)
        private = ArticlePageFactory(parent=column, title="仅限党员")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        hidden = {draft.url_path.split("/", 2)[2], private.url_path.split("/", 2)[2]}
    _, body = get(client, "village1.localhost", "/sitemap.xml")
    assert not any(path in body for path in hidden)


def test_robots_txt_points_to_the_sites_sitemap(client, db):
    response, body = get(client, "village1.localhost", "/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://village1.localhost/sitemap.xml" in body


def test_syndicated_story_page_names_its_origin_and_canonical(client, net):
    reviewer = UserFactory(username="xian_shenhe", roles=[(net.county1, "reviewer")])
    story = story_at(net.county1, title="全县党建工作会议召开", source="甲县组织部")
    push_down(user=reviewer, node=net.county1, story=story)
    run_pending_here()
    response, html = get(client, "village1.localhost", f"/syndicated/{story.uuid}/")
    assert response.status_code == 200
    assert '<link rel="canonical" href="http://county1.localhost/' in html
    assert "来源：<a href=" in html and "甲县先锋网" in html and "阅读次数：" in html


def test_search_page_renders_in_the_theme(client, db):
    response, html = get(client, "village1.localhost", "/search/?q=党建")
    assert response.status_code == 200
    assert 'class="site-nav"' in html and "site-footer" in html


def test_unknown_page_is_a_themed_404_and_500_needs_no_database(
    client, db, django_assert_num_queries
):
    response, html = get(client, "village1.localhost", "/no-such-page/")
    assert response.status_code == 404
    assert "页面未找到" in html and 'class="site-nav"' in html
    from themes.views import server_error

    with django_assert_num_queries(0):
        error = server_error(RequestFactory().get("/", HTTP_HOST="village1.localhost"))
    assert error.status_code == 500 and "服务暂时不可用" in error.content.decode()


def test_level_variants_differ(client, net):
    _, province = get(client, "prov.localhost")
    _, village = get(client, "village1.localhost")
    assert "level-province" in province and "全省党建网站群门户" in province
    # the province lists the sites one level down; a village has none
    assert "下级站点" in province and "合肥先锋网" in province
    assert "level-village" in village and "下级站点" not in village


def test_a_site_past_the_sitemap_limit_gets_an_index_of_files(client, net, settings):
    """Past the limit per file (50,000 in production; 3 here) /sitemap.xml is an index."""
    settings.XFNET_SITEMAP_URLS = 3
    with schema_context(net.village1.tenant.schema_name):
        home = Page.objects.get(pk=net.village1.root_page_id)
        public = public_pages(home.get_descendants(inclusive=True)).order_by("path")
        expected = ["/" + page.url_path.removeprefix(home.url_path) for page in public]
    assert len(expected) > 6  # home, six columns, articles: at least three files
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    response, body = get(client, "village1.localhost", "/sitemap.xml")
    index = ET.fromstring(body.encode())
    assert response.status_code == 200
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    files = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    assert len(files) == -(-len(expected) // 3)
    listed = []
    for url in files:
        assert url.startswith("http://village1.localhost/sitemap-")
        _, part = get(client, "village1.localhost", url.removeprefix("http://village1.localhost"))
        urls = [loc.text for loc in ET.fromstring(part.encode()).findall("s:url/s:loc", ns)]
        assert 1 <= len(urls) <= 3
        listed += urls
    assert [url.removeprefix("http://village1.localhost") for url in listed] == expected
    for past_the_end in (len(files) + 1, 0):
        response, _ = get(client, "village1.localhost", f"/sitemap-{past_the_end}.xml")
        assert response.status_code == 404
    # exactly one file's worth of pages is one file, not an index
    settings.XFNET_SITEMAP_URLS = len(expected)
    caches["pages"].clear()  # the index above is cached; a setting change announces nothing
    _, body = get(client, "village1.localhost", "/sitemap.xml")
    assert len(ET.fromstring(body.encode()).findall("s:url/s:loc", ns)) == len(expected)
