"""What a reader sees: 上级要闻 on every site in scope, the story read on the receiving
site with its origin named, accepted stories in the chosen column."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from provisioning.nodes import NodeSpec, add_node
from shared_blocks.models import AllianceLink, Campaign
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.pushing import push_down
from syndication.revoking import revoke_story
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db


def page(client, host, path="/"):
    response = client.get(path, HTTP_HOST=host)
    return response.status_code, response.content.decode()


def site_path(page_):
    """A page's path on its own site (url_path starts with the home page's slug)."""
    return "/" + page_.url_path.split("/", 2)[2]


def block(html, heading):
    return html.split(f"<h2>{heading}</h2>")[1].split("</section>")[0]


def test_a_pushed_headline_is_read_on_the_village_site_with_its_origin(client, net, people):
    story = story_at(net.county1, title="全县推进基层党建", source="甲县组织部")
    push_down(user=people.county_reviewer, node=net.county1, story=story, pinned=True)
    run_pending_here()
    _, home = page(client, "village1.localhost")
    headlines = block(home, "上级要闻")
    assert "全县推进基层党建" in headlines and "甲县先锋网" in headlines
    link = re.search(r'href="(/syndicated/[^"]+/)">全县推进基层党建', headlines).group(1)

    status, html = page(client, "village1.localhost", link)
    assert status == 200
    assert "<title>全县推进基层党建 - 甲村</title>" in html
    assert 'aria-label="栏目导航"' in html  # the village's own navigation
    assert re.search(r"来源：<a href=\"http://county1\.localhost/[^\"]+\">甲县先锋网</a>", html)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http://county1.localhost/") and canonical.endswith("/")
    assert (
        page(client, "county1.localhost", canonical.removeprefix("http://county1.localhost"))[0]
        == 200
    )
    # a site outside the push's scope does not show it, even by URL
    assert page(client, "county2.localhost", link)[0] == 404
    # the origin's own host sends the reader to the article itself
    assert client.get(link, HTTP_HOST="county1.localhost").status_code == 302

    revoke_story(user=people.county_reviewer, story=story, reason="内容调整")
    assert page(client, "village1.localhost", link)[0] == 404
    assert "全县推进基层党建" not in page(client, "village1.localhost")[1]


def test_accepted_stories_show_in_the_parents_column_and_downstream_block(client, net, people):
    story = story_at(net.village1, user=people.village_editor, title="甲村稿件进入镇栏目")
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    column = next(c for c in columns_of(net.town1) if c.title == "基层动态")
    decide(user=people.town_reviewer, submission=submission, action="accept", column=column)
    _, home = page(client, "town1.localhost")
    assert "甲村稿件进入镇栏目" in block(home, "基层动态")
    _, listing = page(client, "town1.localhost", site_path(column))
    assert "甲村稿件进入镇栏目" in listing and "/syndicated/" in listing
    other = next(c for c in columns_of(net.town1) if c.title != "基层动态")
    assert "甲村稿件进入镇栏目" not in page(client, "town1.localhost", site_path(other))[1]


def test_campaign_banner_and_alliance_links_show_on_every_site(client, net):
    Campaign.objects.create(title="学习贯彻党的二十届四中全会精神", link="https://example.cn/")
    AllianceLink.objects.create(name="共产党员网", url="https://www.12371.cn/")
    for host in ("prov.localhost", "county2.localhost", "village3.localhost"):
        _, html = page(client, host)
        assert "学习贯彻党的二十届四中全会精神" in html
        assert 'href="https://www.12371.cn/"' in html


def test_a_village_home_page_costs_the_same_queries_however_big_the_network(client, net, people):
    """Shared blocks read the ledger by the village's own ancestors: adding sites,
    pushes and accepted stories elsewhere must not add queries."""

    def count():
        client.get("/", HTTP_HOST="village1.localhost")  # warm Wagtail's site cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/", HTTP_HOST="village1.localhost")
        assert response.status_code == 200
        return len(queries)

    first = story_at(net.province, title="第一条全省要闻")
    push_down(user=people.province_reviewer, node=net.province, story=first)
    run_pending_here()
    before = count()
    for i in range(3):
        add_node(
            NodeSpec.clean(
                code=f"3401110010{10 + i}",
                name=f"新村{i}",
                level="village",
                domain=f"xincun{i}.localhost",
                parent_code=net.town1.code,
            )
        )
    for i in range(5):
        story = story_at(net.province, title=f"全省要闻{i}")
        push_down(user=people.province_reviewer, node=net.province, story=story, pinned=i % 2)
        local = story_at(net.town1, title=f"镇要闻{i}")
        push_down(user=people.town_reviewer, node=net.town1, story=local)
    run_pending_here()
    connection.set_schema_to_public()
    after = count()
    assert after == before, f"{before} queries before, {after} after the network grew"
    assert "全省要闻4" in page(client, "village1.localhost")[1]


def test_a_columns_pages_merge_its_articles_and_accepted_stories_by_date(client, net, people):
    from datetime import timedelta

    from django.utils import timezone
    from django_tenants.utils import schema_context

    from sites.factories import ArticlePageFactory

    column = next(c for c in columns_of(net.town1) if c.title == "基层动态")
    now = timezone.now()
    expected = []
    with schema_context(net.town1.tenant.schema_name):
        for i in range(25):
            title = f"镇稿{i:02d}"
            ArticlePageFactory(parent=column, title=title, date=now - timedelta(hours=2 * i))
            expected.append((now - timedelta(hours=2 * i), title))
    connection.set_schema_to_public()
    for i in range(10):
        title = f"村稿{i:02d}"
        when = now - timedelta(hours=2 * i + 1)
        story = story_at(net.village1, user=people.village_editor, title=title, date=when)
        submission = submit_up(user=people.village_editor, node=net.village1, story=story)
        run_pending_here()
        submission.refresh_from_db()
        decide(user=people.town_reviewer, submission=submission, action="accept", column=column)
        expected.append((when, title))
    expected = [title for _, title in sorted(expected, reverse=True)]
    listed = []
    for number in (1, 2):
        _, html = page(client, "town1.localhost", f"{site_path(column)}?page={number}")
        listing = html.split('<ul class="article-list">')[1].split("</ul>")[0]
        listed += re.findall(r'<a href="[^"]+">([^<]+)</a>', listing)
    assert listed == expected  # 35 items, newest first, none twice, none lost


def test_every_network_top_link_opens_on_sites_outside_the_chain(client, net, people):
    """全网头条 is on every home page: its links open on every site, not only on the
    sites that accepted the story on its way up."""
    story = story_at(net.village1, user=people.village_editor, title="甲村经验全省推广")
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    for reviewer, node in [
        (people.town_reviewer, net.town1),
        (people.county_reviewer, net.county1),
        (people.city_reviewer, net.city),
    ]:
        column = columns_of(node)[0]
        decide(user=reviewer, submission=submission, action="forward", column=column)
        run_pending_here()
        submission = story.submissions.get(to_node=node.get_parent())
    decide(
        user=people.province_reviewer, submission=submission, action="accept",
        column=columns_of(net.province)[0],
    )  # fmt: skip
    run_pending_here()
    for host in ("village3.localhost", "county2.localhost", "village2.localhost"):
        status, home = page(client, host)
        top = block(home, "全网头条")
        link = re.search(r'href="(/syndicated/[^"]+/)">甲村经验全省推广', top).group(1)
        status, html = page(client, host, link)
        assert status == 200, host
        assert "甲村经验全省推广" in html
