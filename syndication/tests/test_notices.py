"""Notices by e-mail: sent once, after the work they report is committed; 撤稿 tells
everyone who took the story."""

import pytest
from django.core import mail
from django.db import transaction
from django_tenants.utils import schema_context

from network.factories import UserFactory
from sites.models import ArticlePage
from syndication.delivery import run_delivery, run_pending_here
from syndication.factories import story_at
from syndication.models import Delivery, Notice
from syndication.notices import send_notice
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
    assert mail.outbox == [] and not Notice.objects.filter(delivery=delivery).exists()

    run_pending_here()  # the delivery again, then its notice
    assert [m.to for m in mail.outbox] == [sorted([reviewer.email, people.town_reviewer.email])]
    notice = Notice.objects.get(delivery=delivery)
    assert notice.state == "sent"
    assert send_notice(notice.pk) is False  # a second send finds it sent
    assert run_delivery(delivery.pk) is False
    assert len(mail.outbox) == 1


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
    assert len(revoked) == 1
    assert set(revoked[0].to) == {"shi@example.cn", county_reviewer.email}
    assert "数据有误" in revoked[0].body
    with schema_context(net.county1.tenant.schema_name):
        assert not ArticlePage.objects.get(pk=story.origin_page_id).live
