"""理论研究 over HTTP: a member sends an article from 个人中心; it waits in the site's
review workflow (not published) until the village's reviewer approves it; without a
理论研究 column, with a blocking word, or without a member account: refused."""

import pytest
from django.test import Client
from django_tenants.utils import schema_context

from network.factories import UserFactory
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from sensitivewords.models import SensitiveWord
from sites.factories import ColumnPageFactory, site_home
from sites.models import ArticlePage

pytestmark = pytest.mark.django_db

HOST = "village1.localhost"


def member_client(node):
    with schema_context(node.tenant.schema_name):
        branch = OrganisationFactory(node_code=node.code, name="甲村党支部")
        record = MemberFactory(organisation=branch, name="李秀英")
    user = UserFactory(username="ll_dangyuan", first_name="李秀英")
    MemberAccount.objects.create(user=user, node=node, member_uuid=record.uuid)
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client, user


def test_a_members_article_waits_for_the_reviewer(net):
    member, user = member_client(net.village1)
    essay = {"title": "学习党章的几点体会", "text": "第一，坚定理想信念。\n第二，践行宗旨。"}
    refused = member.post("/my/research/", essay)
    assert refused.status_code == 400 and "还没有开设“理论研究”栏目" in refused.content.decode()
    with schema_context(net.village1.tenant.schema_name):
        column = ColumnPageFactory(
            parent=site_home(net.village1), title="理论研究", kind="research"
        )
    SensitiveWord.objects.create(word="代开发票", kind="block")
    blocked = member.post("/my/research/", {**essay, "text": "代开发票"})
    assert "代开发票" in blocked.content.decode()
    sent = member.post("/my/research/", essay)
    assert sent.status_code == 200 and "已提交，等待审核" in sent.content.decode()
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePage.objects.get(title="学习党章的几点体会")
        assert not article.live and article.get_parent().pk == column.pk
        state = article.current_workflow_state
        assert state.status == "in_progress" and state.requested_by == user
    assert "审核中" in member.get("/my/research/").content.decode()
    # the village's reviewer approves it in the workflow: it is published
    reviewer = UserFactory(username="ll_shenhe", roles=[(net.village1, "reviewer")])
    with schema_context(net.village1.tenant.schema_name):
        task_state = article.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        article.refresh_from_db()
        assert article.live
    assert "已发布" in member.get("/my/research/").content.decode()


def test_only_members_send_research(net):
    staff = Client(HTTP_HOST=HOST)
    staff.force_login(UserFactory(username="ll_bianji", roles=[(net.village1, "editor")]))
    assert staff.get("/my/research/").status_code == 403
    assert Client(HTTP_HOST=HOST).get("/my/research/").url.startswith("/my/login/")
