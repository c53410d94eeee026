"""Whole pages from the cache, and every change that must clear them."""

import pytest
from django_tenants.utils import schema_context
from wagtail.models import Site

from network.factories import UserFactory
from network.mourning import set_mourning
from shared_blocks.models import Campaign
from sites.factories import ArticlePageFactory, node_column
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.pushing import hide_story, push_down
from syndication.revoking import revoke_story
from themes.models import SiteTheme


def get(client, host, path="/", **extra):
    response = client.get(path, HTTP_HOST=host, **extra)
    return response.get("X-Page-Cache"), response.content.decode()


def test_second_view_is_served_from_the_cache_per_host(client, db):
    assert get(client, "village1.localhost")[0] == "miss"
    assert get(client, "village1.localhost")[0] == "hit"
    # another host with the same path is another page
    assert get(client, "village2.localhost")[0] == "miss"


def test_publishing_clears_the_sites_pages_and_no_other_site(client, net):
    get(client, "village1.localhost")
    get(client, "village2.localhost")
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePageFactory(parent=node_column(net.village1, "村务公开"), title="新公示")
        article.save_revision().publish()
    state, html = get(client, "village1.localhost")
    assert state == "miss" and "新公示" in html
    assert get(client, "village2.localhost")[0] == "hit"


def test_a_push_clears_the_pages_below_the_pushing_site(client, net):
    reviewer = UserFactory(username="xian_shenhe", roles=[(net.county1, "reviewer")])
    get(client, "village1.localhost")
    get(client, "village3.localhost")
    story = story_at(net.county1, title="甲县要闻下发到村")
    push_down(user=reviewer, node=net.county1, story=story)
    # nothing shows until the delivery has run, and the cache still answers
    assert get(client, "village1.localhost")[0] == "hit"
    run_pending_here()
    state, html = get(client, "village1.localhost")
    assert state == "miss" and "甲县要闻下发到村" in html
    # a village of another county is not below the pushing site
    assert get(client, "village3.localhost")[0] == "hit"
    # hiding it clears that one site; revoking it clears every site
    village_reviewer = UserFactory(username="cun_shenhe", roles=[(net.village1, "reviewer")])
    hide_story(user=village_reviewer, node=net.village1, story=story)
    state, html = get(client, "village1.localhost")
    assert state == "miss" and "甲县要闻下发到村" not in html
    get(client, "village2.localhost")
    revoke_story(user=reviewer, story=story, reason="内容有误")
    assert get(client, "village2.localhost")[0] == "miss"
    assert get(client, "village3.localhost")[0] == "miss"


def test_settings_mourning_and_network_blocks_clear_pages(client, net):
    get(client, "village1.localhost")
    with schema_context(net.village1.tenant.schema_name):
        theme = SiteTheme.for_site(Site.objects.get(pk=net.village1.site_id))
        theme.organiser = "中共甲村支部委员会"
        theme.save()
    state, html = get(client, "village1.localhost")
    assert state == "miss" and "主办单位：中共甲村支部委员会" in html
    admin = UserFactory(username="root", is_superuser=True)
    set_mourning(user=admin, on=True)
    state, html = get(client, "village3.localhost")
    assert state == "miss" and '<html lang="zh-CN" class="mourning">' in html
    get(client, "prov.localhost")
    Campaign.objects.create(title="学习教育专题", link="https://example.cn/")
    state, html = get(client, "prov.localhost")
    assert state == "miss" and "学习教育专题" in html


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc"},  # a logged-in editor sees fresh pages
        {"QUERY_STRING": "utm_source=x"},  # unknown parameters are not cached
    ],
)
def test_requests_that_bypass_the_cache(client, db, extra):
    path = "/?utm_source=x" if "QUERY_STRING" in extra else "/"
    assert get(client, "village1.localhost", path, **extra)[0] is None
    assert get(client, "village1.localhost", path, **extra)[0] is None


def test_errors_and_search_are_not_cached(client, db):
    assert get(client, "village1.localhost", "/no-such-page/")[0] is None
    assert get(client, "village1.localhost", "/search/?q=党建")[0] is None


def test_a_lost_token_never_revives_old_pages(client, net):
    """If the cache evicts a scope's token, pages cached under the old one stay unread."""
    from network.generations import page_cache, site_key

    get(client, "village1.localhost")
    page_cache().delete(site_key(net.village1))
    assert get(client, "village1.localhost")[0] == "miss"


def test_nginx_is_told_to_keep_only_what_the_page_cache_keeps_until_this_second_ends(
    client, db, monkeypatch
):
    clock = [1_795_400_000.9]
    monkeypatch.setattr("pagecache.middleware.time.time", lambda: clock[0])
    miss = client.get("/", HTTP_HOST="village1.localhost")
    assert miss["X-Page-Cache"] == "miss" and miss["X-Accel-Expires"] == "@1795400000"
    clock[0] += 60  # the copy in Redis is older; what nginx is told is today's second
    hit = client.get("/", HTTP_HOST="village1.localhost")
    assert hit["X-Page-Cache"] == "hit" and hit["X-Accel-Expires"] == "@1795400060"
    # an editor's page, a search, an odd parameter: nginx is told nothing
    for path, extra in [
        ("/", {"HTTP_COOKIE": "sessionid=x"}),
        ("/search/?q=党建", {}),
        ("/?utm_source=x", {}),
    ]:
        response = client.get(path, HTTP_HOST="village1.localhost", **extra)
        assert "X-Accel-Expires" not in response, path


def test_a_new_site_clears_its_parents_pages_once_committed(
    client, net, django_capture_on_commit_callbacks
):
    """The parent's home lists its child sites; the batch announces itself on commit."""
    from provisioning.nodes import NodeSpec, add_node

    get(client, "town1.localhost")
    get(client, "village1.localhost")
    with django_capture_on_commit_callbacks(execute=True):
        add_node(
            NodeSpec.clean(code="340111001077", parent_code=net.town1.code, level="village",
                           name="新建村", domain="xinjian.localhost")
        )  # fmt: skip
    state, html = get(client, "town1.localhost")
    assert state == "miss" and "新建村" in html
    assert get(client, "village1.localhost")[0] == "hit"
    assert get(client, "xinjian.localhost")[0] == "miss"
