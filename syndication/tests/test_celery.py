"""End to end through a real Celery worker over the project's broker.

These tests commit their data (the worker has its own connection) and clean up.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from notifications.models import Dispatch
from notifications.sending import retry_failed as retry_notice
from sites.models import ArticlePage
from syndication.delivery import resume_pending
from syndication.factories import story_at
from syndication.models import Delivery, PointAward, Push, Story, Submission
from syndication.notices import notice_topic
from syndication.outbox import retry_failed, send
from syndication.pushing import push_down
from syndication.reach import accepted_for, pushed_news_for
from syndication.revoking import revoke_story
from syndication.submitting import columns_of, decide, submit_up
from syndication.tasks import deliver
from tests.tools import wait_for

pytestmark = pytest.mark.celery

CODES = ["340000", "340100", "340111", "340111001", "340111001001", "340111001002"]


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Committed nodes and accounts; every story made here is removed afterwards."""
    with django_db_blocker.unblock():
        nodes = {n.code: n for n in Node.objects.filter(code__in=CODES).select_related("tenant")}
        province, city, county, town, village, village2 = (nodes[c] for c in CODES)
        users = {
            "author": UserFactory(username="e2e_cun", roles=[(village, "editor")]),
            "village_webmaster": UserFactory(username="e2e_cun_zz", roles=[(village, "webmaster")]),
            "town_reviewer": UserFactory(username="e2e_zhen", roles=[(town, "reviewer")]),
            "county_reviewer": UserFactory(username="e2e_xian", roles=[(county, "reviewer")]),
            "city_reviewer": UserFactory(username="e2e_shi", roles=[(city, "reviewer")]),
            "province_reviewer": UserFactory(username="e2e_sheng", roles=[(province, "reviewer")]),
        }
        yield {
            "province": province,
            "city": city,
            "county": county,
            "town": town,
            "village": village,
            "village2": village2,
            **users,
        }
        for story in Story.objects.select_related("origin_node__tenant"):
            with schema_context(story.origin_node.tenant.schema_name):
                ArticlePage.objects.filter(pk=story.origin_page_id).delete()
        Story.objects.all().delete()
        # accounts are public, but Wagtail's per-schema tables point at them too
        with schema_context(village.tenant.schema_name):
            get_user_model().objects.filter(username__startswith="e2e_").delete()
        connection.set_schema_to_public()


def decided_and_forwarded(net, submission, reviewer, action="forward"):
    column = columns_of(submission.to_node)[0]
    decide(user=net[reviewer], submission=submission, action=action, column=column)


def test_village_story_travels_to_the_province_and_a_revocation_clears_it(
    worker,
    committed,
    django_db_blocker,
):
    net = committed
    with django_db_blocker.unblock():
        story = story_at(net["village"], user=net["author"], title="村里的好新闻一路上报")
        first = submit_up(user=net["author"], node=net["village"], story=story)
        hops = [(name, f"{name}_reviewer") for name in ("town", "county", "city", "province")]
        submission = first
        for node_name, reviewer in hops:
            wait_for(
                lambda s=submission: Submission.objects.get(pk=s.pk).state == "pending",
                f"delivery to {node_name}",
            )
            submission.refresh_from_db()
            action = "accept" if node_name == "province" else "forward"
            decided_and_forwarded(net, submission, reviewer, action)
            if node_name != "province":
                parent = net[node_name].get_parent()
                wait_for(
                    lambda p=parent: Submission.objects.filter(story=story, to_node=p).exists(),
                    f"forward from {node_name}",
                )
                submission = Submission.objects.get(story=story, to_node=parent)
        wait_for(lambda: PointAward.objects.filter(kind="author").count() == 4, "points")
        lineage = list(
            Submission.objects.filter(story=story)
            .order_by("created_at")
            .values_list("from_node__level", "to_node__level", "state")
        )
        assert lineage == [
            ("village", "township", "accepted"),
            ("township", "county", "accepted"),
            ("county", "city", "accepted"),
            ("city", "province", "accepted"),
        ]
        # the province pushes the story it accepted back down to every site
        push = push_down(
            user=net["province_reviewer"], node=net["province"], story=story, pinned=True
        )
        wait_for(lambda: pushed_news_for(net["village2"]), "the push to reach the villages")
        assert [p.story for p in pushed_news_for(net["county"])] == [story]
        assert Delivery.objects.get(push=push).state == "done"

        revoke_story(user=net["village_webmaster"], story=story, reason="事实有误")
        for name in ("town", "county", "city", "province"):
            assert not accepted_for(net[name]).exists()
        for name in ("city", "county", "village2"):
            assert pushed_news_for(net[name]) == []
        wait_for(
            lambda: not PointAward.objects.filter(revoked_at__isnull=True).exists(),
            "points to be taken back",
        )
        assert set(Submission.objects.filter(story=story).values_list("state", flat=True)) == {
            "revoked"
        }
        assert not Delivery.objects.exclude(state="done").exists()


def test_a_delivery_run_twice_has_one_effect(worker, committed, django_db_blocker):
    net = committed
    with django_db_blocker.unblock():
        story = story_at(net["village"], user=net["author"])
        submission = submit_up(user=net["author"], node=net["village"], story=story)
        delivery = Delivery.objects.get(submission=submission)
        wait_for(lambda: Delivery.objects.get(pk=delivery.pk).state == "done", "delivery")
        delivered_at = Submission.objects.get(pk=submission.pk).delivered_at
        assert deliver.delay(delivery.pk).get(timeout=30) is False
        assert Submission.objects.get(pk=submission.pk).delivered_at == delivered_at
        assert Delivery.objects.get(pk=delivery.pk).attempts == 1


def test_a_refusing_mail_server_delays_no_submission_and_its_notice_is_retried(
    worker,
    committed,
    django_db_blocker,
    settings,
):
    net = committed
    # a mail server that refuses connections: the reviewers cannot be told
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_db_blocker.unblock():
        net["town_reviewer"].email = "e2e_zhen@example.cn"
        net["town_reviewer"].save()
        story = story_at(net["village"], user=net["author"])
        submission = submit_up(user=net["author"], node=net["village"], story=story)
        # the submission is in the township's inbox at once, mail or no mail
        wait_for(lambda: Submission.objects.get(pk=submission.pk).state == "pending", "inbox")
        topic = notice_topic(Delivery.objects.get(submission=submission).pk)
        wait_for(lambda: Dispatch.objects.filter(item__topic=topic).exists(), "the notice")
        mails = Dispatch.objects.filter(item__topic=topic, address="e2e_zhen@example.cn")
        wait_for(lambda: mails.get().state == "failed", "giving up")
        notice = mails.get()
        assert notice.attempts == 5
        assert "Connection" in notice.last_error or "refused" in notice.last_error

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        retry_notice(topic)
        wait_for(lambda: mails.get().state == "sent", "the resend")


def test_failures_are_retried_then_left_visible_and_can_be_retried(
    worker, committed, django_db_blocker
):
    net = committed
    with django_db_blocker.unblock():
        story = story_at(net["village"], user=net["author"])
        # a push delivery whose push is missing fails each time it is run
        delivery = Delivery.objects.create(kind="push", story=story)
        send(delivery.pk)
        wait_for(lambda: Delivery.objects.get(pk=delivery.pk).state == "failed", "giving up")
        delivery.refresh_from_db()
        assert delivery.attempts == 5 and "AttributeError" in delivery.last_error

        delivery.push = Push.objects.create(story=story, from_node=net["town"])
        delivery.save()
        retry_failed(delivery)
        wait_for(lambda: Delivery.objects.get(pk=delivery.pk).state == "done", "the retry")


def test_work_left_pending_by_a_dead_worker_is_resumed(
    worker,
    committed,
    django_db_blocker,
):
    net = committed
    with django_db_blocker.unblock():
        story = story_at(net["village"], user=net["author"])
        # the state a worker that died before its message was sent would leave behind
        submission = Submission.objects.create(
            story=story, from_node=net["village"], to_node=net["town"], submitted_by=net["author"]
        )
        delivery = Delivery.objects.create(kind="submit", story=story, submission=submission)
        assert resume_pending(older_than=timedelta(0)) >= 1
        wait_for(lambda: Delivery.objects.get(pk=delivery.pk).state == "done", "resumed work")
        assert Submission.objects.get(pk=submission.pk).state == "pending"
