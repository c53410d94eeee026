"""Notices (through notifications: the inbox and e-mail): made once, sent after the
work they report is committed; 撤稿 tells everyone who took the story."""

import pytest
from django.core import mail
from django.db import transaction
from django_tenants.utils import schema_context

from network.factories import UserFactory
from notifications.models import Dispatch, InboxItem
from notifications.sending import deliver
from sites.models import ArticlePage
from syndication.delivery import run_delivery, run_pending_here
from syndication.factories import story_at
from syndication.models import Delivery
from syndication.notices import notice_topic
from syndication.pushing import push_down
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db


class WorkerKilled(Exception):
    """Stands for the worker dying before the delivery's transaction commits."""


def test_a_delivery_run_again_after_a_kill_sends_its_notice_once(net, people):
    reviewer = UserFactory(username="zhen_mail", email="zhen@example.cn",
                           roles=[(net.town1, "reviewer")])  # fmt: skip
    story = story_at(net.village1, user=people.village_editor)
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    delivery = Delivery.objects.get(submission=submission)
    with pytest.raises(WorkerKilled), transaction.atomic():
        run_delivery(delivery.pk)
        raise WorkerKilled
    topic = notice_topic(delivery.pk)
    assert mail.outbox == [] and not InboxItem.objects.filter(topic=topic).exists()

    run_pending_here()  # the delivery again, then its notice
    assert sorted(m.to[0] for m in mail.outbox) == sorted([reviewer.email,
                                                           people.town_reviewer.email])  # fmt: skip
    told = InboxItem.objects.filter(topic=topic)
    assert {item.recipient for item in told} >= {reviewer, people.town_reviewer}
    assert "town1.localhost" in told.first().link  # the township's own admin
    sent = Dispatch.objects.filter(item__topic=topic)
    assert {d.state for d in sent} == {"sent"}
    assert deliver(sent.first().pk) == "skipped"  # a second send finds it sent
    assert run_delivery(delivery.pk) is False
    assert len(mail.outbox) == sent.count()


def test_revocation_tells_the_reviewers_who_accepted_and_the_pushers(client, net, people):
    county_reviewer, city_reviewer = people.county_reviewer, people.city_reviewer
    city_reviewer.email = "shi@example.cn"
    city_reviewer.save()
    story = story_at(net.county1, user=county_reviewer, title="县里的稿件将被撤稿")
    push_down(user=county_reviewer, node=net.county1, story=story)
    submission = submit_up(user=county_reviewer, node=net.county1, story=story)
    run_pending_here()
    decide(user=city_reviewer, submission=submission, action="accept",
           column=columns_of(net.city)[0])  # fmt: skip
    run_pending_here()
    mail.outbox.clear()

    client.force_login(county_reviewer)
    url = f"/admin/syndication/article/{story.origin_page_id}/"
    page = client.get(url, HTTP_HOST="county1.localhost").content.decode()
    assert "本站原文默认保留" in page and "同时撤下本站原文" in page
    response = client.post(
        url, {"action": "revoke", "reason": "数据有误", "unpublish_origin": "on"},
        HTTP_HOST="county1.localhost", follow=True,
    )  # fmt: skip
    assert "本站原文也已撤下" in response.content.decode()
    run_pending_here()
    revoked = [m for m in mail.outbox if m.subject.startswith("【已撤稿】")]
    assert {m.to[0] for m in revoked} == {"shi@example.cn", county_reviewer.email}
    assert len(revoked) == 2 and "数据有误" in revoked[0].body
    with schema_context(net.county1.tenant.schema_name):
        assert not ArticlePage.objects.get(pk=story.origin_page_id).live
