"""搜索建议 as a reader types and 您是不是要找 (issue 17, finding 6)."""

import pytest

from network.factories import UserFactory
from search.models import Synonym
from search.query import Search
from search.suggest import did_you_mean, suggestions
from search.tests.test_reader_findings import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def titles(net):
    publish(net.village1, "安徽先锋网党建网站上线", ["<p>新版党建网站</p>"])
    publish(net.village1, "网站建设推进会", ["<p>部署网站建设工作</p>"])
    publish(net.village1, "中央组织部部署基层党建工作", ["<p>中央组织部要求</p>"])
    publish(net.village2, "乙村党建网站培训", ["<p>培训</p>"])


def test_suggestions_come_from_the_dictionary_and_the_site_titles(net, titles):
    assert "三会一课" in suggestions("三会", net.village1)
    assert "安徽先锋网党建网站上线" in suggestions("党建网", net.village1)
    assert "乙村党建网站培训" not in suggestions("党建网", net.village1)  # another site
    assert "乙村党建网站培训" in suggestions("党建网", None)  # 全网
    assert "安徽先锋网党建网站上线" in suggestions("dangjianw", net.village1)  # typing on
    assert "安徽先锋网党建网站上线" in suggestions("xianf", net.village1)  # 先锋
    assert "安徽先锋网党建网站上线" not in suggestions("xianj", net.village1)
    assert "三会一课" in suggestions("shyk", net.village1)  # 首字母
    assert "三会一课" in suggestions("sanhui", net.village1)
    assert suggestions("   ", net.village1) == []


def test_the_suggest_endpoint_answers_json_over_http(client, net, titles):
    response = client.get("/search/suggest/", {"q": "djwz"}, HTTP_HOST="village1.localhost")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response.json() == {"q": "djwz", "suggestions": ["安徽先锋网党建网站上线"]}
    network = client.get(
        "/search/suggest/", {"q": "党建网站", "scope": "all"}, HTTP_HOST="village1.localhost"
    ).json()
    assert "乙村党建网站培训" in network["suggestions"]


def test_did_you_mean_repairs_a_homophone_a_word_order_and_an_abbreviation(net, titles):
    search = Search(q="党建网占", node=net.village1)
    assert did_you_mean(search, search.total()) == ["党建网站"]
    search = Search(q="建设网站", node=net.village1)
    assert "网站建设" in did_you_mean(search, search.total())
    Synonym.objects.create(words="中组部，中央组织部")
    search = Search(q="中组部", node=net.village1)
    assert did_you_mean(search, search.total()) == ["中央组织部"]


def test_the_search_page_offers_them(client, net, titles):
    Synonym.objects.create(words="中组部 中央组织部")
    html = client.get("/search/", {"q": "党建网占"}, HTTP_HOST="village1.localhost").content
    assert "您是不是要找：" in html.decode() and "q=%E5%85%9A%E5%BB%BA%E7%BD%91%E7%AB%99" in (
        html.decode()
    )
    html = client.get("/search/", {"q": "中组部"}, HTTP_HOST="village1.localhost").content.decode()
    assert "同义词：" in html and ">中央组织部</a>" in html


def test_only_the_province_edits_the_synonym_list(client, net):
    province = UserFactory(username="sheng_zhanzhang", roles=[(net.province, "webmaster")])
    county = UserFactory(username="xian_zhanzhang", roles=[(net.county1, "webmaster")])
    client.force_login(province)
    host = net.province.primary_domain
    response = client.post(
        "/admin/snippets/xfsearch/synonym/add/", {"words": "两学一做，学党章党规学系列讲话"},
        HTTP_HOST=host,
    )  # fmt: skip
    assert response.status_code == 302 and Synonym.objects.count() == 1
    client.force_login(county)
    response = client.get("/admin/snippets/xfsearch/synonym/", HTTP_HOST=net.county1.primary_domain)
    assert response.status_code in (302, 403)
    response = client.post(
        "/admin/snippets/xfsearch/synonym/add/", {"words": "乱改"},
        HTTP_HOST=net.county1.primary_domain,
    )  # fmt: skip
    assert response.status_code in (302, 403) and Synonym.objects.count() == 1
