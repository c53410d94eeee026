"""热门搜索 (issue 17, finding 8): counted per site and day, shown only once several
searches made a query, never anything about who searched."""

import pytest
from django.core.cache import cache

from search.counting import countable
from search.hot import MIN_SEARCHES, hot_searches
from search.models import QueryCount
from search.tests.test_reader_findings import publish

pytestmark = pytest.mark.django_db


def search(client, host, q, **params):
    return client.get("/search/", {"q": q, **params}, HTTP_HOST=host)


def test_hot_searches_per_site_and_network(client, net):
    publish(net.village1, "三会一课制度", ["<p>正文</p>"])
    publish(net.village2, "主题党日活动", ["<p>正文</p>"])
    for _ in range(MIN_SEARCHES):
        search(client, "village1.localhost", "三会一课")
        search(client, "village2.localhost", "主题党日")
    search(client, "village1.localhost", "王秀英")  # once, and it finds nothing
    search(client, "village1.localhost", "三会一课", page="2")  # later pages are not counted
    cache.clear()
    assert hot_searches(net.village1) == ["三会一课"]
    assert set(hot_searches(None)) == {"三会一课", "主题党日"}
    html = search(client, "village2.localhost", "主题党日").content.decode()
    hot = html[html.index('class="search-hot"') :]
    assert "本站热门搜索" in hot and "全网热门搜索" in hot and "三会一课" in hot
    assert QueryCount.objects.get(node=net.village1, query="三会一课").count == MIN_SEARCHES


def test_a_query_searched_fewer_times_is_not_shown(client, net):
    publish(net.village1, "三会一课制度", ["<p>正文</p>"])
    for _ in range(MIN_SEARCHES - 1):
        search(client, "village1.localhost", "三会一课")
    cache.clear()
    assert hot_searches(net.village1) == []


def test_nothing_personal_is_counted_or_kept():
    assert countable("340111199001011234") is None  # an identity number
    assert countable("13912345678") is None
    assert countable("someone@example.org") is None
    assert countable("  ＡＢＣ  党建  ") == "abc 党建"
    fields = {field.name for field in QueryCount._meta.get_fields()}
    assert fields == {"id", "node", "day", "query", "count"}
