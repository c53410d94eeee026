"""下发: scope by branch and level, pinning, expiry, hiding, and who may push."""

from datetime import timedelta

import pytest
from django.utils import timezone

from syndication.delivery import run_pending_here
from syndication.errors import SyndicationError
from syndication.factories import story_at
from syndication.models import AuditAction, Delivery, Push, StoryState
from syndication.permissions import SyndicationDenied
from syndication.pushing import hide_story, push_down, show_story
from syndication.reach import pushed_news_for

pytestmark = pytest.mark.django_db


def titles(node):
    return [push.story.title for push in pushed_news_for(node)]


def delivered_push(**kwargs) -> Push:
    push = push_down(**kwargs)
    run_pending_here()
    push.refresh_from_db()
    return push


def test_a_province_headline_reaches_every_descendant_and_no_one_else(net, people):
    story = story_at(net.province, title="全省党建工作会议召开")
    push = push_down(user=people.province_reviewer, node=net.province, story=story)
    # not shown before its delivery has run
    assert story.title not in titles(net.village1)
    assert run_pending_here() == 1
    push.refresh_from_db()
    assert push.delivered_at is not None and push.reach == 8
    for node in (net.city, net.county1, net.town1, net.village1, net.village3):
        assert titles(node) == ["全省党建工作会议召开"]
    assert titles(net.province) == []  # a site does not receive its own push
    assert Delivery.objects.get(push=push).state == "done"


def test_scope_by_branch_and_by_level(net, people):
    story = story_at(net.city, title="只发甲县")
    delivered_push(
        user=_city_webmaster(net),
        node=net.city,
        story=story,
        branches=[net.county1],
    )
    assert titles(net.county1) == titles(net.village2) == ["只发甲县"]
    assert titles(net.county2) == titles(net.village3) == []

    villages_only = story_at(net.city, title="只发村级")
    push = delivered_push(
        user=_city_webmaster(net), node=net.city, story=villages_only, levels=["village"]
    )
    assert push.reach == 3
    assert "只发村级" in titles(net.village3)
    assert "只发村级" not in titles(net.town1) + titles(net.county2)


def _city_webmaster(net):
    from network.factories import UserFactory

    return UserFactory(username="shi_zhanzhang", roles=[(net.city, "webmaster")])


def test_pinned_first_then_newest_and_expired_ones_vanish(net, people):
    old_pinned = story_at(net.county1, title="置顶通知")
    newer = story_at(net.county1, title="最新要闻")
    expiring = story_at(net.county1, title="限时通知")
    delivered_push(user=people.county_reviewer, node=net.county1, story=old_pinned, pinned=True)
    delivered_push(user=people.county_reviewer, node=net.county1, story=newer)
    push = delivered_push(
        user=people.county_reviewer,
        node=net.county1,
        story=expiring,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    assert titles(net.village1) == ["置顶通知", "限时通知", "最新要闻"]
    Push.objects.filter(pk=push.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert titles(net.village1) == ["置顶通知", "最新要闻"]


def test_a_receiving_site_hides_an_item_without_breaking_it_for_others(net, people):
    story = story_at(net.county1, title="可隐藏的要闻")
    delivered_push(user=people.county_reviewer, node=net.county1, story=story)
    hide_story(user=people.village_webmaster, node=net.village1, story=story)
    assert titles(net.village1) == []
    assert titles(net.village2) == ["可隐藏的要闻"]
    assert story.events.filter(action=AuditAction.HIDDEN, node=net.village1).exists()
    show_story(user=people.village_webmaster, node=net.village1, story=story)
    assert titles(net.village1) == ["可隐藏的要闻"]
    # an editor is not the one who decides what the site shows
    with pytest.raises(SyndicationDenied):
        hide_story(user=people.village_editor, node=net.village1, story=story)


def test_mandatory_items_cannot_be_hidden(net, people):
    story = story_at(net.county1, title="必须展示的要闻")
    delivered_push(user=people.county_reviewer, node=net.county1, story=story, mandatory=True)
    with pytest.raises(SyndicationDenied, match="必须展示"):
        hide_story(user=people.village_webmaster, node=net.village1, story=story)
    assert titles(net.village1) == ["必须展示的要闻"]


@pytest.mark.parametrize(
    "case",
    [
        "editor_pushes",
        "other_county_pushes",
        "branch_not_below",
        "level_not_below",
        "foreign_story",
    ],
)
def test_push_permission_rules(net, people, case):
    own = story_at(net.county1, title="甲县稿件")
    kwargs = {"user": people.county_reviewer, "node": net.county1, "story": own}
    if case == "editor_pushes":
        kwargs["user"] = people.county_editor
    elif case == "other_county_pushes":
        kwargs["node"] = net.county2
    elif case == "branch_not_below":
        kwargs["branches"] = [net.town2]
    elif case == "level_not_below":
        kwargs["levels"] = ["city"]
    elif case == "foreign_story":
        kwargs["story"] = story_at(net.county2, title="乙县稿件")
    with pytest.raises(SyndicationDenied):
        push_down(**kwargs)
    assert not Push.objects.exists()


def test_a_withdrawn_origin_cannot_be_pushed(net, people):
    story = story_at(net.county1)
    story.state = StoryState.ORIGIN_NOT_PUBLIC
    with pytest.raises(SyndicationError):
        push_down(user=people.county_reviewer, node=net.county1, story=story)
