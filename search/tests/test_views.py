"""The search page over HTTP: this site or the whole network, labelled and marked."""

import re

import pytest

from search.tests.test_search import publish

pytestmark = pytest.mark.django_db


def get(client, host, **params):
    response = client.get("/search/", params, HTTP_HOST=host)
    return response.status_code, response.content.decode()


def test_site_search_finds_parts_of_words_and_marks_them(client, net):
    publish(net.village1, "甲村党支部换届选举", "选举产生新一届支委会。")
    publish(net.village2, "乙村党支部学习", "学习党章。")
    status, html = get(client, "village1.localhost", q="支部")
    assert status == 200
    assert "本站找到 1 条结果" in html
    assert "甲村党<mark>支部</mark>换届选举" in html
    assert "乙村" not in html.split('<ol class="search-results">')[1]


def test_network_search_labels_each_result_with_its_site_and_links_there(client, net):
    publish(net.village1, "甲村党支部换届选举", "选举。")
    publish(net.county2, "乙县党支部书记培训", "培训。")
    status, html = get(client, "village1.localhost", q="党支部", scope="all")
    assert status == 200 and "全网找到 2 条结果" in html
    assert '<span class="search-site">乙县先锋网</span>' in html
    links = re.findall(r'<h2><a href="([^"]+)">', html)
    assert any(link.startswith("http://county2.localhost/") for link in links)
    assert any(link.startswith("/") for link in links)  # this site's own result stays local


def test_bad_filters_are_explained_and_an_empty_query_shows_the_form(client, net):
    status, html = get(
        client, "village1.localhost", q="党建", date_from="2026-05-01", date_to="2026-01-01"
    )
    assert status == 200 and "截止日期不能早于起始日期" in html
    status, html = get(client, "village1.localhost", q="没有这个词")
    assert "本站找到 0 条结果" in html and "没有找到相关内容" in html
    status, html = get(client, "village1.localhost", q="   ")
    assert status == 200 and "找到" not in html
    status, html = get(client, "village1.localhost", q="党建", page="999")
    assert status == 200


def test_the_search_box_is_on_every_page(client, net):
    html = client.get("/", HTTP_HOST="village3.localhost").content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html


def test_very_common_words_show_a_capped_count_and_every_match_is_listed(client, net, settings):
    from search import query
    from search.indexing import grams_field
    from search.models import SearchEntry

    SearchEntry.objects.bulk_create(
        SearchEntry(
            node=net.county1,
            page_id=500_000 + i,
            level="county",
            title=f"党建动态{i}",
            url_path=f"/x/{i}/",
            grams=grams_field(f"党建动态{i}", ""),
            words="",
            dictionary_version="t",
        )
        for i in range(query.COUNT_CAP + 5)
    )
    status, html = get(client, "county1.localhost", q="党建动态", scope="all", order="newest")
    assert status == 200 and f"找到 {query.COUNT_CAP}+ 条结果" in html
    for order in ("newest", "relevance"):
        status, html = get(client, "county1.localhost", q="党建动态", scope="all", page="51",
                           order=order)  # fmt: skip
        # past the count: the last page holds the 5 oldest, and no page follows
        assert status == 200 and "第 51 页" in html and 'rel="next"' not in html
        assert sorted(re.findall(r"党建动态</mark>(\d+)</a>", html)) == ["0", "1", "2", "3", "4"]
