"""学习积分: a passed exam earns once however often passed, a failed one nothing; a
member's research article earns when the reviewer publishes it, is taken back when
unpublished and given back (not twice) when republished; the member sees total and
rank in their organisation; officers see rankings of their subtree only, exported to
xlsx; only the province sets the rules."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from exams.factories import ExamFactory, bank_at
from exams.taking import save_answer, start, submit
from network.factories import UserFactory
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.research import submit_research
from sites.factories import ArticlePageFactory, ColumnPageFactory, site_home
from syndication.models import PointAward, PointRule
from syndication.points import award_learning

pytestmark = pytest.mark.django_db


def client_for(user, host="village1.localhost"):
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def take(exam, user, right: bool):
    attempt = start(exam, user)
    for pk in attempt.paper:
        question = exam.questions.model.objects.get(pk=pk)
        save_answer(attempt.pk, user, pk, question.answer.splitlines()[0] if right else "")
    return submit(attempt.pk, user)


def test_a_passed_exam_earns_once_and_a_failed_one_nothing(net, member_of):
    bank_at(net.county1)
    exam = ExamFactory(node=net.county1, below=True, attempts_allowed=3,
                       draw={"single": 1, "judge": 1})  # fmt: skip
    user = member_of(net.village1, "lp_exam")
    assert take(exam, user, right=False).score == 0
    assert not PointAward.objects.exists()
    assert take(exam, user, right=True).score == 100
    assert take(exam, user, right=True).score == 100
    award = PointAward.objects.get()
    assert (award.activity, award.points, award.ref) == ("exam", 5, str(exam.uuid))


def test_a_published_article_earns_until_it_is_withdrawn(net, member_of):
    user = member_of(net.village1, "lp_writer")
    with schema_context(net.village1.tenant.schema_name):
        ColumnPageFactory(parent=site_home(net.village1), title="理论研究", kind="research")
    article = submit_research(MemberAccount.objects.get(user=user), "学习体会", "践行宗旨。")
    assert not PointAward.objects.exists()  # waiting for review earns nothing
    reviewer = UserFactory(username="lp_reviewer", roles=[(net.village1, "reviewer")])
    with schema_context(net.village1.tenant.schema_name):
        task_state = article.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        award = PointAward.objects.get(user=user)
        assert (award.activity, award.points, award.title) == ("article", 10, "学习体会")
        article.refresh_from_db()
        article.unpublish()
        assert PointAward.objects.get(user=user).revoked_at is not None
        article.get_latest_revision().publish()
    assert PointAward.objects.filter(user=user).count() == 1
    assert PointAward.objects.get(user=user).revoked_at is None
    # an editor's own article earns nobody learning points
    with schema_context(net.village1.tenant.schema_name):
        editor = UserFactory(username="lp_editor", roles=[(net.village1, "editor")])
        own = ArticlePageFactory(parent=site_home(net.village1), owner=editor, live=False)
        own.save_revision(user=editor).publish()
    assert PointAward.objects.filter(activity="article").count() == 1


def test_a_member_sees_points_and_rank_in_their_organisation(net, member_of):
    first = member_of(net.village1, "lp_first")
    second = member_of(net.village1, "lp_second")
    other_branch = member_of(net.village1, "lp_other", organisation="甲村第二党支部")
    now = timezone.now()
    for user, count, branch in ((first, 1, "甲村党支部"), (second, 3, "甲村党支部"),
                                (other_branch, 5, "甲村第二党支部")):  # fmt: skip
        for n in range(count):
            award_learning(activity="lesson", ref=f"l{n}", title=f"课时{n}", user_id=user.pk,
                           node_id=net.village1.pk, organisation=branch,
                           at=now - timedelta(days=n))  # fmt: skip
    page = client_for(first).get("/my/points/").content.decode()
    assert "累计 <strong>2</strong> 分" in page
    assert "在甲村党支部排第 <strong>2</strong> 名（共 2 名党员获得积分）" in page
    assert "课时0" in page and "课时2" not in page  # only their own awards
    assert client_for(first).get("/my/points/").headers["Cache-Control"].startswith("max-age=0")


def test_officers_rank_their_subtree_and_export_it(net, member_of):
    near = member_of(net.village1, "lp_near")
    far = member_of(net.village3, "lp_far", organisation="丙村党支部")
    for user, node, org in ((near, net.village1, "甲村党支部"), (far, net.village3, "丙村党支部")):
        award_learning(activity="exam", ref="e1", title="知识测试", user_id=user.pk,
                       node_id=node.pk, organisation=org)  # fmt: skip
    staff = client_for(UserFactory(username="lp_staff", roles=[(net.county1, "webmaster")]),
                       host="county1.localhost")  # fmt: skip
    page = staff.get("/admin/learning/").content.decode()
    assert "甲村党支部" in page and "丙村党支部" not in page
    sheet = load_workbook(BytesIO(staff.get("/admin/learning/?export=xlsx").content))
    people = [row for row in sheet["党员排行"].iter_rows(min_row=2, values_only=True)]
    assert [(row[2], row[3], row[4]) for row in people] == [("甲村", "甲村党支部", 5)]
    groups = [row for row in sheet["党组织排行"].iter_rows(min_row=2, values_only=True)]
    assert groups == [(1, "甲村", "甲村党支部", 1, 5, 5)]
    assert staff.get("/admin/learning/rules/").status_code == 403
    other = member_of(net.village1, "lp_other_branch", organisation="甲村第二党支部")
    award_learning(activity="lesson", ref="l1", title="课时", user_id=other.pk,
                   node_id=net.village1.pk, organisation="甲村第二党支部")  # fmt: skip
    one = staff.get("/admin/learning/", {"organisation": "甲村第二党支部"}).content.decode()
    assert "党员排行：甲村第二党支部" in one and one.count('data-label="学习积分"') == 1


def test_only_the_province_sets_the_rules_and_new_awards_follow_them(net, member_of):
    province = client_for(UserFactory(username="lp_prov", roles=[(net.province, "webmaster")]),
                          host="prov.localhost")  # fmt: skip
    form = province.get("/admin/learning/rules/").content.decode()
    assert "学完课时（分）" in form and 'value="2"' in form
    bad = province.post("/admin/learning/rules/", {"lesson": "-1", "exam": "5", "article": "x"})
    assert bad.status_code == 400 and bad.content.decode().count('class="error-message"') == 2
    assert not PointRule.objects.exists()
    rules = {"lesson": "3", "exam": "8", "article": "12"}
    assert province.post("/admin/learning/rules/", rules).status_code == 302
    user = member_of(net.village1, "lp_rule")
    assert award_learning(activity="exam", ref="x", title="测试", user_id=user.pk,
                          node_id=net.village1.pk) == 8  # fmt: skip
