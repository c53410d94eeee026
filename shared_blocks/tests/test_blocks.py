"""Shared blocks: a webmaster's own arrangement, and who edits network-wide content."""

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from sites.factories import site_home
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.pushing import push_down

pytestmark = pytest.mark.django_db


def test_a_home_page_shows_the_blocks_its_webmaster_arranged(client, net):
    reviewer = UserFactory(username="xian_sh", roles=[(net.county1, "reviewer")])
    for title in ("第一条", "第二条"):
        push_down(user=reviewer, node=net.county1, story=story_at(net.county1, title=title))
    run_pending_here()
    with schema_context(net.village2.tenant.schema_name):
        home = site_home(net.village2)
        home.shared_blocks = [("upstream", {"title": "县里的要闻", "count": 1})]
        home.save_revision().publish()
    html = client.get("/", HTTP_HOST="village2.localhost").content.decode()
    assert "<h2>县里的要闻</h2>" in html
    assert html.count("/syndicated/") == 1  # count 1: only the newest
    assert "第二条" in html and "第一条" not in html
    assert "<h2>基层动态</h2>" not in html  # not placed, so not shown
    # another village keeps the standard arrangement
    other = client.get("/", HTTP_HOST="village1.localhost").content.decode()
    assert "<h2>上级要闻</h2>" in other and "<h2>基层动态</h2>" in other


def test_only_the_province_webmaster_edits_the_network_banner(client, net):
    province_webmaster = UserFactory(username="sheng_zz", roles=[(net.province, "webmaster")])
    county_webmaster = UserFactory(username="xian_zz", roles=[(net.county1, "webmaster")])
    url = "/admin/snippets/shared_blocks/campaign/add/"
    client.force_login(province_webmaster)
    response = client.post(
        url,
        {
            "title": "新专题",
            "subtitle": "",
            "link": "",
            "starts_at": "2026-11-01 00:00",
            "ends_at": "",
            "active": "on",
        },
        HTTP_HOST="prov.localhost",
    )
    assert response.status_code == 302
    client.force_login(county_webmaster)
    response = client.get(url, HTTP_HOST="county1.localhost")
    assert response.status_code in (302, 403)  # Wagtail sends the refused to the dashboard
    client.post(
        url,
        {"title": "县里自设的专题", "starts_at": "2026-11-01 00:00"},
        HTTP_HOST="county1.localhost",
    )
    from shared_blocks.models import Campaign

    assert list(Campaign.objects.values_list("title", flat=True)) == ["新专题"]
