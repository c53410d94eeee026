"""Every node answers at its own domain; unknown hosts get a clean 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from wagtail.models import Site

from network.models import Domain
from sites.factories import ArticlePageFactory, node_column

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["province", "city", "county1", "town1", "village1", "village3"])
def test_each_node_home_page_answers_at_its_domain(client, net, name):
    node = getattr(net, name)
    response = client.get("/", HTTP_HOST=node.primary_domain)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<span class="site-name">{node.name}</span>' in html
    assert '<html lang="zh-CN">' in html


def test_grassroots_sites_in_one_schema_do_not_see_each_other(client, net):
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "党务公开")
        article = ArticlePageFactory(parent=column, title="甲村党务公开测试稿")
        url = article.get_url_parts()[2]
    own = client.get(url, HTTP_HOST="village1.localhost")
    assert own.status_code == 200
    assert "甲村党务公开测试稿" in own.content.decode()
    assert "来源：" in own.content.decode()
    # The same path on the sibling village (same schema) is not this article.
    other = client.get(url, HTTP_HOST="village2.localhost")
    assert other.status_code == 404
    # nor is it reachable from the county site that hosts both
    county = client.get(url, HTTP_HOST="county1.localhost")
    assert county.status_code == 404


def test_column_page_answers_with_its_articles(client, net):
    response = client.get("/tong-zhi-gong-gao/", HTTP_HOST="county2.localhost")
    assert response.status_code == 200
    assert "<h1>通知公告</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "host",
    ["nowhere.localhost", "evil.example.com"],  # unknown node; not even in ALLOWED_HOSTS
)
def test_unknown_host_gets_a_clean_404(client, net, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 404
    assert "未找到该网站" in response.content.decode()


def test_missing_page_on_a_known_site_is_the_themed_404(client, net):
    response = client.get("/no-such-column/", HTTP_HOST="village1.localhost")
    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()


def test_cached_site_root_paths_do_not_leak_between_schemas(client, net):
    """Wagtail caches each schema's site root paths under one key; keys carry the schema."""
    for host in ("county1.localhost", "county2.localhost", "village1.localhost"):
        html = client.get("/", HTTP_HOST=host).content.decode()
        nav = html.split('aria-label="栏目导航"')[1].split("</nav>")[0]
        assert 'href="/tong-zhi-gong-gao/">通知公告</a>' in nav, host
        assert "None" not in nav, host


def test_admin_login_names_the_site_in_chinese(client, net):
    html = client.get("/admin/login/", HTTP_HOST="village1.localhost").content.decode()
    assert "<title>登录 - 甲村管理后台</title>" in html
    assert "登录甲村管理后台" in html


def test_host_lookups_are_cached_and_dropped_when_a_domain_changes(client, net):
    assert client.get("/", HTTP_HOST="village2.localhost").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get("/", HTTP_HOST="village2.localhost")  # a cached page, a cached host
    assert not [q for q in queries if "network_domain" in q["sql"]]
    assert client.get("/", HTTP_HOST="yicun.localhost").status_code == 404  # cached: none
    domain = Domain.objects.get(domain="village2.localhost")
    domain.domain = "yicun.localhost"
    domain.save()  # renamed: both names are dropped from the cache
    assert client.get("/", HTTP_HOST="yicun.localhost").status_code == 200
    assert client.get("/", HTTP_HOST="village2.localhost").status_code == 404


def test_a_site_edited_in_the_admin_drops_its_cached_route(client, net):
    host = "village2.localhost"
    client.get("/", HTTP_HOST=host)  # the route, with its Site, is cached
    with schema_context(net.village2.tenant.schema_name):
        site = Site.objects.get(pk=net.village2.site_id)
        site.site_name = "乙村新名"
        site.save()
    response = client.get("/?after-edit=1", HTTP_HOST=host)
    assert Site.find_for_request(response.wsgi_request).site_name == "乙村新名"
