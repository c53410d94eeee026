"""The syndication admin over real HTTP: who sees what, and forged posts refused."""

import csv
import io

import pytest
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from network.factories import UserFactory
from network.models import Node
from syndication.delivery import run_pending_here
from syndication.factories import publish_article, story_at
from syndication.models import Delivery, Push, Submission
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db


def post(client, host, path, data):
    return client.post(path, data, HTTP_HOST=host)


def test_village_editor_submits_from_the_article_and_the_township_decides(client, net, people):
    article = publish_article(net.village1, title="甲村开展志愿服务")
    client.force_login(people.village_editor)
    page = client.get(f"/admin/syndication/article/{article.pk}/", HTTP_HOST="village1.localhost")
    assert page.status_code == 200 and "报送甲镇" in page.content.decode()
    response = post(
        client,
        "village1.localhost",
        f"/admin/syndication/article/{article.pk}/",
        {"action": "submit", "note": "请甲镇审核"},
    )
    assert response.status_code == 302
    submission = Submission.objects.get(story__title="甲村开展志愿服务")
    again = client.get(f"/admin/syndication/article/{article.pk}/", HTTP_HOST="village1.localhost")
    assert "报送甲镇</button>" not in again.content.decode()  # sent once; receipts shown
    assert ">撤稿</button>" in again.content.decode()  # the author may revoke
    assert (submission.from_node, submission.to_node, submission.submitted_by) == (
        net.village1,
        net.town1,
        people.village_editor,
    )
    run_pending_here()

    client.force_login(people.town_reviewer)
    inbox = client.get("/admin/syndication/inbox/", HTTP_HOST="town1.localhost")
    assert "甲村开展志愿服务" in inbox.content.decode()
    review_url = f"/admin/syndication/inbox/{submission.pk}/"
    review = client.get(review_url, HTTP_HOST="town1.localhost").content.decode()
    assert "预览" in review and "甲村开展志愿服务" in review
    assert "村党支部" in review or "党员" in review  # the body is shown
    # a return without a reason is refused with the reason asked for, nothing changes
    response = post(client, "town1.localhost", review_url, {"action": "return", "reason": ""})
    assert response.status_code == 400 and "退稿时请填写退稿原因" in response.content.decode()
    column = columns_of(net.town1)[1]
    response = post(
        client, "town1.localhost", review_url, {"action": "forward", "column": column.pk}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "accepted" and submission.column_title == column.title
    run_pending_here()
    assert Submission.objects.get(story=submission.story, to_node=net.county1).state == "pending"

    # the author reads the receipts on their own site
    client.force_login(people.village_editor)
    receipts = client.get("/admin/syndication/receipts/", HTTP_HOST="village1.localhost")
    html = receipts.content.decode()
    assert "甲镇" in html and "甲县先锋网" in html and "zhen_shenhe" in html


def test_publish_and_submit_from_the_editor(client, net, people):
    from sites.factories import article_form, node_column

    client.force_login(people.village_webmaster)
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "党务公开")
    edit = client.get(
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/", HTTP_HOST="village1.localhost"
    )
    assert "发布并报送上级" in edit.content.decode()
    response = post(
        client,
        "village1.localhost",
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/",
        article_form("发布即报送的稿件", **{"action-publish": "submit-up"}),
    )
    assert response.status_code == 302
    submission = Submission.objects.get(story__title="发布即报送的稿件")
    assert submission.to_node == net.town1


@pytest.mark.parametrize(
    "who, host",
    [
        ("village2_webmaster", "town1.localhost"),  # no role on the township at all
        ("village_editor", "village1.localhost"),  # decides from its own site's admin
        ("county_reviewer", "county1.localhost"),  # the grandparent
    ],
)
def test_forged_decisions_get_403_and_change_nothing(client, net, people, who, host):
    story = story_at(net.village1, user=people.village_editor)
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    client.force_login(getattr(people, who))
    column = columns_of(net.town1)[0]
    response = post(
        client,
        host,
        f"/admin/syndication/inbox/{submission.pk}/",
        {"action": "accept", "column": column.pk},
    )
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.state == "pending" and submission.decided_by is None


def test_a_column_of_another_site_is_refused(client, net, people):
    story = story_at(net.village1, user=people.village_editor)
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    client.force_login(people.town_reviewer)
    foreign_column = columns_of(net.county1)[0]
    response = post(
        client,
        "town1.localhost",
        f"/admin/syndication/inbox/{submission.pk}/",
        {"action": "accept", "column": foreign_column.pk},
    )
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.state == "pending"


@pytest.mark.parametrize("case", ["editor", "foreign_branch", "upward_level"])
def test_forged_pushes_get_403(client, net, people, case):
    article = publish_article(net.county1)
    user = people.county_editor if case == "editor" else people.county_reviewer
    data = {"action": "push", "scope": "all"}
    if case == "foreign_branch":
        data.update(scope="branches", branches=[net.town2.pk])
    if case == "upward_level":
        data.update(scope="levels", levels=["city"])
    client.force_login(user)
    response = post(client, "county1.localhost", f"/admin/syndication/article/{article.pk}/", data)
    assert response.status_code == 403
    assert not Push.objects.exists()


def test_submitting_another_sites_article_is_403(client, net, people):
    article = publish_article(net.village2, title="乙村的稿件")
    client.force_login(people.village_editor)  # same county schema, other village
    response = post(
        client,
        "village1.localhost",
        f"/admin/syndication/article/{article.pk}/",
        {"action": "submit"},
    )
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_received_page_hides_an_item_for_this_site_only(client, net, people):
    story = story_at(net.county1, title="县里下发的要闻")
    from syndication.pushing import push_down

    push_down(user=people.county_reviewer, node=net.county1, story=story)
    run_pending_here()
    client.force_login(people.village_webmaster)
    page = client.get("/admin/syndication/received/", HTTP_HOST="village1.localhost")
    assert "县里下发的要闻" in page.content.decode()
    response = post(
        client,
        "village1.localhost",
        "/admin/syndication/received/",
        {"story": story.pk, "action": "hide"},
    )
    assert response.status_code == 302
    assert "县里下发的要闻" not in client.get("/", HTTP_HOST="village1.localhost").content.decode()
    assert "县里下发的要闻" in client.get("/", HTTP_HOST="village2.localhost").content.decode()


def test_delivery_log_shows_failures_and_retries_them(client, net, people):
    story = story_at(net.village1, user=people.village_editor, title="投递失败的稿件")
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    delivery = Delivery.objects.get(submission=submission)
    Delivery.objects.filter(pk=delivery.pk).update(
        state="failed", attempts=5, last_error="OperationalError: server closed the connection"
    )
    client.force_login(people.village_webmaster)
    log = client.get("/admin/syndication/log/?state=failed", HTTP_HOST="village1.localhost")
    html = log.content.decode()
    assert "投递失败的稿件" in html and "server closed the connection" in html and "重试" in html
    response = post(
        client, "village1.localhost", "/admin/syndication/log/", {"delivery": delivery.pk}
    )
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == ("pending", 0)
    run_pending_here()
    submission.refresh_from_db()
    assert submission.state == "pending"  # delivered into the township's inbox


def test_leaderboard_exports_a_spreadsheet(client, net, people):
    story = story_at(net.village1, user=people.village_editor)
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    decide(
        user=people.town_reviewer,
        submission=submission,
        action="accept",
        column=columns_of(net.town1)[0],
    )
    run_pending_here()
    client.force_login(people.county_reviewer)
    page = client.get("/admin/syndication/points/?by=node", HTTP_HOST="county1.localhost")
    assert "甲村" in page.content.decode()
    xlsx = client.get(
        "/admin/syndication/points/?by=author&period=year&export=xlsx",
        HTTP_HOST="county1.localhost",
    )
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert rows[0] == ("排名", "站点代码", "站点", "作者", "积分", "采用篇数")
    assert rows[1] == (1, net.village1.code, "甲村", "cun_bianji", 1, 1)
    csv_response = client.get(
        "/admin/syndication/points/?export=csv", HTTP_HOST="county1.localhost"
    )
    lines = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert lines[1] == ["1", net.village1.code, "甲村", "1", "1"]


def test_leaderboard_exports_neutralise_spreadsheet_formulas(client, net, people):
    """Names that start like a formula are written as text, never evaluated."""
    Node.objects.filter(pk=net.village1.pk).update(name='=HYPERLINK("http://x.cn","点我")')
    author = UserFactory(username="+cmd", roles=[(net.village1, "editor")])
    story = story_at(net.village1, user=author)
    submission = submit_up(user=author, node=net.village1, story=story)
    run_pending_here()
    decide(
        user=people.town_reviewer, submission=submission, action="accept",
        column=columns_of(net.town1)[0],
    )  # fmt: skip
    run_pending_here()
    client.force_login(people.county_reviewer)
    base = "/admin/syndication/points/?by=author&period=year&export="
    xlsx = client.get(base + "xlsx", HTTP_HOST="county1.localhost")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["C2"].value == '\'=HYPERLINK("http://x.cn","点我")'
    assert sheet["C2"].data_type == "s" and sheet["D2"].value == "'+cmd"
    csv_response = client.get(base + "csv", HTTP_HOST="county1.localhost")
    line = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))[1]
    assert line[2].startswith("'=") and line[3] == "'+cmd"


def test_the_province_accepts_a_village_story_and_pushes_it_to_every_village(client, net, people):
    """The loop the 先锋网 runs, in the admin: accept the best village story at the
    top, then 下发 it back down (采用并下发 on the review, and 下发 from 收到的稿件)."""
    story = story_at(net.village1, user=people.village_editor, title="甲村好经验")
    submission = submit_up(user=people.village_editor, node=net.village1, story=story)
    run_pending_here()
    for reviewer, node in [(people.town_reviewer, net.town1), (people.county_reviewer, net.county1),
                           (people.city_reviewer, net.city)]:  # fmt: skip
        decide(user=reviewer, submission=submission, action="forward",
               column=columns_of(node)[0])  # fmt: skip
        run_pending_here()
        submission = story.submissions.get(to_node=node.get_parent())
    client.force_login(people.province_reviewer)
    review = f"/admin/syndication/inbox/{submission.pk}/"
    assert "采用并下发" in client.get(review, HTTP_HOST="prov.localhost").content.decode()
    column = columns_of(net.province)[0]
    response = post(client, "prov.localhost", review,
                    {"action": "accept_push", "column": column.pk})  # fmt: skip
    push_page = f"/admin/syndication/stories/{story.pk}/push/"
    assert response.status_code == 302 and response["Location"] == push_page
    page = client.get(push_page, HTTP_HOST="prov.localhost").content.decode()
    assert "甲村好经验" in page and "下发范围" in page
    response = post(client, "prov.localhost", push_page,
                    {"scope": "levels", "levels": ["village"], "pinned": "on"})  # fmt: skip
    assert response.status_code == 302
    run_pending_here()
    push = Push.objects.get(story=story, from_node=net.province)
    assert push.levels == ["village"] and push.pinned and push.reach == 3
    for host in ("village1.localhost", "village3.localhost"):
        home = client.get("/", HTTP_HOST=host).content.decode()
        assert "甲村好经验" in home.split("上级要闻", 1)[1].split("</section>", 1)[0], host
    # and from 收到的稿件: the city, which accepted it on the way, may push it too
    client.force_login(people.city_reviewer)
    received = client.get("/admin/syndication/received/", HTTP_HOST="city.localhost")
    assert f'href="/admin/syndication/stories/{story.pk}/push/"' in received.content.decode()
    assert post(client, "city.localhost", f"/admin/syndication/stories/{story.pk}/push/",
                {"scope": "all"}).status_code == 302  # fmt: skip
    # a site that never had the story may not push it (refused, with the reason)
    other = UserFactory(username="yixian_sh", roles=[(net.county2, "reviewer")])
    client.force_login(other)
    refused = post(client, "county2.localhost", f"/admin/syndication/stories/{story.pk}/push/",
                   {"scope": "all"})  # fmt: skip
    assert (
        refused.status_code == 403
        and "只能下发本站的稿件或本站采用的稿件" in refused.content.decode()
    )
