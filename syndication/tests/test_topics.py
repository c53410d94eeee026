"""专题 (issue 19, item 5): a province or county topic with its banner and columns;
any site below may send stories to it (the 报送 review applies); the topic page
shows what was accepted; the campaign banner on every site links to it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Page

from shared_blocks.models import Campaign
from sites.models import ColumnKind, ColumnPage
from syndication.delivery import run_pending_here
from syndication.errors import SyndicationError
from syndication.factories import publish_article, story_at
from syndication.models import Submission
from syndication.submitting import decide, submit_to_topic
from syndication.tests.test_public import page, site_path
from syndication.topics import open_topics

pytestmark = pytest.mark.django_db

TOPIC = "学习贯彻党的二十届四中全会精神"


def topic(node, title=TOPIC, **fields):
    with schema_context(node.tenant.schema_name):
        home = Page.objects.get(pk=node.root_page_id)
        column = home.add_child(
            instance=ColumnPage(title=title, kind=ColumnKind.TOPIC, show_in_menus=True, **fields)
        )
        column.add_child(instance=ColumnPage(title="基层声音", kind=ColumnKind.NEWS))
        return ColumnPage.objects.get(pk=column.pk)


def test_topics_above_a_site_still_taking_stories(net):
    province = topic(net.province)
    county = topic(net.county1, title="甲县乡村振兴专题")
    topic(net.county2, title="乙县专题")  # another branch
    topic(net.city, title="已结束的专题", submissions_until=timezone.localdate() - timedelta(1))
    found = open_topics(net.village1)
    assert [(t.node, t.column_id) for t in found] == [
        (net.county1, county.pk),
        (net.province, province.pk),
    ]  # fmt: skip  (nearest first; another branch's and a closed one are not offered)


def test_a_village_sends_a_story_to_the_provinces_topic(client, net, people):
    column = topic(net.province)
    article = publish_article(net.village1, title="甲村党员学习全会精神")
    client.force_login(people.village_editor)
    url = f"/admin/syndication/article/{article.pk}/"
    form = client.get(url, HTTP_HOST="village1.localhost").content.decode()
    assert "报送专题" in form and f"安徽先锋网：{TOPIC}" in form
    response = client.post(
        url, {"action": "topic", "topic": f"{net.province.pk}:{column.pk}", "note": ""},
        HTTP_HOST="village1.localhost",
    )  # fmt: skip
    assert response.status_code == 302
    submission = Submission.objects.get(story__title="甲村党员学习全会精神")
    assert (submission.to_node, submission.topic_page_id) == (net.province, column.pk)
    run_pending_here()

    client.force_login(people.province_reviewer)
    review = client.get(
        f"/admin/syndication/inbox/{submission.pk}/", HTTP_HOST="prov.localhost"
    ).content.decode()
    assert f"向专题“{TOPIC}”报送" in review
    assert f'<option value="{column.pk}" selected>' in review
    response = client.post(
        f"/admin/syndication/inbox/{submission.pk}/",
        {"action": "accept", "column": column.pk}, HTTP_HOST="prov.localhost",
    )  # fmt: skip
    assert response.status_code == 302
    status, html = page(client, "prov.localhost", site_path(column))
    assert status == 200 and "甲村党员学习全会精神" in html and "本专题面向下级站点征稿" in html
    # the campaign banner on every site links to the topic
    url = "http://prov.localhost" + site_path(column)
    Campaign.objects.create(title=TOPIC, link=url)
    assert f'href="{url}"' in page(client, "village3.localhost")[1]


def test_refusals_change_nothing(net, people):
    closed = topic(net.city, title="已结束", submissions_until=timezone.localdate() - timedelta(1))
    other = topic(net.county2, title="乙县专题")
    story = story_at(net.village1, user=people.village_editor, title="甲村稿件")
    for key in (f"{net.city.pk}:{closed.pk}", f"{net.county2.pk}:{other.pk}", "1:999999", "x"):
        with pytest.raises(SyndicationError, match="不存在、不在本站上级或已停止征稿"):
            submit_to_topic(user=people.village_editor, node=net.village1, story=story,
                            topic_key=key)  # fmt: skip
    assert not Submission.objects.exists()
    province = topic(net.province)
    key = f"{net.province.pk}:{province.pk}"
    submit_to_topic(user=people.village_editor, node=net.village1, story=story, topic_key=key)
    with pytest.raises(SyndicationError, match="已报送给安徽先锋网"):
        submit_to_topic(user=people.village_editor, node=net.village1, story=story, topic_key=key)
    assert Submission.objects.count() == 1
    run_pending_here()
    submission = Submission.objects.get()
    # the province's reviewer decides; the county's cannot
    with pytest.raises(Exception, match="只有接收站点的审核员"):
        decide(user=people.county_reviewer, submission=submission, action="accept",
               column=province)  # fmt: skip
