"""报送: one review per hop, lineage, receipts, points, and who may decide."""

import pytest
from django.core import mail
from django_tenants.utils import schema_context

from network.factories import UserFactory
from syndication.delivery import run_pending_here
from syndication.errors import SyndicationError
from syndication.factories import story_at
from syndication.models import PointAward, StoryState, Submission
from syndication.permissions import SyndicationDenied
from syndication.points import leaderboard
from syndication.reach import accepted_for, inbox_for, lineage
from syndication.revoking import revoke_story
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db


def column(node, title=None):
    columns = columns_of(node)
    return next(c for c in columns if c.title == title) if title else columns[0]


def submitted(people, net, **fields):
    story = story_at(net.village1, user=people.village_editor, **fields)
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    submission.refresh_from_db()
    return story, submission


def test_a_submission_reaches_the_parents_inbox_once_delivered(net, people, settings):
    story = story_at(net.village1, user=people.village_editor, title="甲村开展主题党日")
    submission = submit_up(user=people.village_editor, node=net.village1, story=story, note="请审")
    assert submission.state == "queued" and not inbox_for(net.town1).exists()
    run_pending_here()
    assert list(inbox_for(net.town1)) == [submission]
    assert not inbox_for(net.county1).exists()


def test_accept_forward_up_to_the_province_keeps_lineage_and_earns_points(net, people):
    town_webmaster = UserFactory(username="zhen_zhanzhang", roles=[(net.town1, "webmaster")])
    story, first = submitted(people, net, title="甲村稿件一路上报")
    decide(user=people.town_reviewer, submission=first, action="forward", column=column(net.town1))
    run_pending_here()
    second = Submission.objects.get(story=story, to_node=net.county1)
    assert second.previous == first and second.state == "pending"
    decide(
        user=people.county_reviewer, submission=second, action="forward", column=column(net.county1)
    )
    run_pending_here()
    third = Submission.objects.get(story=story, to_node=net.city)
    decide(user=people.city_reviewer, submission=third, action="forward", column=column(net.city))
    run_pending_here()
    fourth = Submission.objects.get(story=story, to_node=net.province)
    decide(
        user=people.province_reviewer,
        submission=fourth,
        action="accept",
        column=column(net.province),
    )
    run_pending_here()
    hops = [(s.from_node.code, s.to_node.code, s.state) for s in lineage(story)]
    assert hops == [
        (net.village1.code, net.town1.code, "accepted"),
        (net.town1.code, net.county1.code, "accepted"),
        (net.county1.code, net.city.code, "accepted"),
        (net.city.code, net.province.code, "accepted"),
    ]
    for node in (net.town1, net.county1, net.city, net.province):
        assert [s.story for s in accepted_for(node)] == [story]
    # township 1 + county 1 + city 3 + province 5, to the author and to the village
    author_row = leaderboard(by="author")[0]
    assert (author_row["user__username"], author_row["points"]) == ("cun_bianji", 10)
    node_row = leaderboard(by="node")[0]
    assert (node_row["node__code"], node_row["points"], node_row["accepted"]) == (
        net.village1.code,
        10,
        4,
    )
    assert [r["points"] for r in leaderboard(by="node", level="city")] == [3]
    # running the decision deliveries again changes nothing
    from syndication.delivery import run_delivery
    from syndication.models import Delivery

    for delivery in Delivery.objects.filter(kind="decision"):
        assert run_delivery(delivery.pk) is False
    assert PointAward.objects.count() == 8
    # the receipts reached the author and the village's webmaster by mail
    assert any("【已采用】" in m.subject and "cun@example.cn" in m.to for m in mail.outbox)
    assert town_webmaster.email in [a for m in mail.outbox for a in m.to]

    # 撤稿 at the village: gone from every place, points taken back
    revoke_story(user=people.village_editor, story=story, reason="数据有误")
    for node in (net.town1, net.county1, net.city, net.province):
        assert not accepted_for(node).exists()
    run_pending_here()
    assert leaderboard(by="node") == []
    assert set(Submission.objects.filter(story=story).values_list("state", flat=True)) == {
        "revoked"
    }
    assert [e.action for e in story.events.all()][-1] == "revoked"


def test_returned_submission_earns_nothing_and_tells_the_author_why(net, people):
    story, submission = submitted(people, net, title="需要修改的稿件")
    decide(user=people.town_reviewer, submission=submission, action="return", reason="缺少图片")
    run_pending_here()
    submission.refresh_from_db()
    assert (submission.state, submission.reason) == ("returned", "缺少图片")
    assert not PointAward.objects.exists()
    assert any("缺少图片" in m.body for m in mail.outbox if "cun@example.cn" in m.to)
    # after correcting it the author may submit the same story again
    again = submit_up(user=people.village_editor, node=net.village1, story=story)
    assert again.pk == submission.pk and again.state == "queued" and again.reason == ""


def test_return_needs_a_reason_and_accept_needs_a_column_of_the_deciding_site(net, people):
    _, submission = submitted(people, net)
    with pytest.raises(SyndicationError):
        decide(user=people.town_reviewer, submission=submission, action="return", reason=" ")
    with pytest.raises(SyndicationDenied):  # a column of another site: a forged post
        decide(
            user=people.town_reviewer,
            submission=submission,
            action="accept",
            column=column(net.county1),
        )
    submission.refresh_from_db()
    assert submission.state == "pending"


def test_only_the_parents_reviewers_decide(net, people):
    _, submission = submitted(people, net)
    outsiders = [
        people.village_editor,  # the author
        people.county_reviewer,  # the grandparent
        people.village2_webmaster,  # a sibling
        UserFactory(username="zhen_bianji", roles=[(net.town1, "editor")]),  # an editor
    ]
    for user in outsiders:
        with pytest.raises(SyndicationDenied):
            decide(user=user, submission=submission, action="accept", column=column(net.town1))
    submission.refresh_from_db()
    assert submission.state == "pending" and submission.decided_by is None


def test_a_node_submits_only_its_own_stories_and_only_to_its_parent(net, people):
    story = story_at(net.village1, user=people.village_editor)
    with pytest.raises(SyndicationDenied):  # not the parent
        submit_up(user=people.village_editor, node=net.village1, story=story, to_node=net.county1)
    with pytest.raises(SyndicationDenied):  # not a member of the node
        submit_up(user=people.village3_webmaster, node=net.village1, story=story)
    with pytest.raises(SyndicationDenied):  # someone else's story
        submit_up(user=people.village2_webmaster, node=net.village2, story=story)
    assert not Submission.objects.exists()
    submit_up(user=people.village_editor, node=net.village1, story=story)
    with pytest.raises(SyndicationError, match="已报送"):
        submit_up(user=people.village_editor, node=net.village1, story=story)


def test_unpublishing_or_deleting_the_origin_removes_it_and_republishing_updates_it(net, people):
    from sites.models import ArticlePage

    story, submission = submitted(people, net, title="原标题")
    decide(
        user=people.town_reviewer, submission=submission, action="accept", column=column(net.town1)
    )
    run_pending_here()
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePage.objects.get(pk=story.origin_page_id)
        article.title = "改过的标题"
        article.save_revision().publish()
    run_pending_here(story)
    assert accepted_for(net.town1).get().story.title == "改过的标题"
    with schema_context(net.village1.tenant.schema_name):
        ArticlePage.objects.get(pk=story.origin_page_id).unpublish()
    assert not accepted_for(net.town1).exists()
    story.refresh_from_db()
    assert story.state == StoryState.ORIGIN_NOT_PUBLIC
    with schema_context(net.village1.tenant.schema_name):
        ArticlePage.objects.get(pk=story.origin_page_id).delete()
    story.refresh_from_db()
    assert story.state == "deleted"
    assert [e.action for e in story.events.all()][-3:] == ["republished", "unpublished", "deleted"]


def test_the_command_reports_and_finishes_pending_work(net, people):
    from io import StringIO

    from django.core.management import call_command

    story = story_at(net.village1, user=people.village_editor)
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    out = StringIO()
    call_command("syndication", "status", stdout=out)
    assert "待处理：1" in out.getvalue()
    call_command("syndication", "run", stdout=out)
    assert "已完成 1 个投递" in out.getvalue()
    submission.refresh_from_db()
    assert submission.state == "pending"
