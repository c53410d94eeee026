"""统计分析 (issue 19, item 2): roll-ups from the real workflow, equal to a direct
count; the page by level and branch, drill-down, isolation and the xlsx export."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from messageboard.escalation import escalate_overdue
from messageboard.handling import Posting, post_message
from messageboard.models import Message
from network.factories import UserFactory
from network.models import Node
from operations.reports import months_of, report
from operations.scanning import scan_all
from operations.statistics import month_start, refresh_month
from readership.models import SiteDailyViews
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.models import Submission
from syndication.pushing import push_down
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(net):
    """Three articles, two 报送 (one accepted, one returned), a push and some reads."""
    editor = UserFactory(username="cun_tongji", roles=[(net.village1, "editor")])
    reviewer = UserFactory(username="zhen_tongji", roles=[(net.town1, "reviewer")])
    county = UserFactory(username="xian_tongji", roles=[(net.county1, "reviewer")])
    good = story_at(net.village1, user=editor, title="甲村好稿")
    weak = story_at(net.village1, user=editor, title="甲村弱稿")
    story_at(net.village2, title="乙村新闻")
    for story in (good, weak):
        submit_up(user=editor, node=net.village1, story=story)
    run_pending_here()
    accepted, returned = Submission.objects.order_by("pk")
    decide(user=reviewer, submission=accepted, action="accept", column=columns_of(net.town1)[0])
    decide(user=reviewer, submission=returned, action="return", reason="内容不完整")
    push_down(user=county, node=net.county1, story=story_at(net.county1, title="县里要闻"))
    run_pending_here()
    today = timezone.localdate()
    SiteDailyViews.objects.create(node=net.village1, day=today, views=40)
    SiteDailyViews.objects.create(node=net.village3, day=today, views=2)
    scan_all()
    refresh_month(today)
    return net


def test_the_roll_ups_follow_the_workflow_and_equal_a_direct_count(activity):
    net = activity
    months = months_of("month", timezone.localdate())
    assert months == [month_start(timezone.localdate())]
    province = report(net.province, months)
    total = province.total.figures
    assert total["sites"] == Node.objects.count()
    assert total["articles"] == 4  # three village stories and the county's
    assert (total["submitted"], total["accepted"], total["returned"]) == (2, 1, 1)
    assert province.total.rate == "50%"
    assert total["pushes"] == 1 and total["reached"] == 3  # the township, two villages
    assert total["reads"] == 42
    villages = next(row for row in province.by_level if row.label == "村（社区）")
    assert villages.figures["sites"] == Node.objects.filter(level="village").count()
    assert villages.figures["articles"] == 3
    county = report(net.county1, months)
    branches = {row.label: row.figures for row in county.branches}
    assert branches["甲镇"]["articles"] == 3 and branches["甲镇"]["reads"] == 40
    assert county.total.figures["reads"] == 40  # 丙村's reads are in the other county
    # roll-ups equal a direct count over the ledger
    direct = Submission.objects.filter(from_node__path__startswith=net.county1.path).count()
    assert county.total.figures["submitted"] == direct


def test_the_page_drills_down_and_exports(client, activity):
    net = activity
    user = UserFactory(username="sheng_tongji", roles=[(net.province, "webmaster")])
    client.force_login(user)
    page = client.get("/admin/operations/statistics/?period=year", HTTP_HOST="prov.localhost")
    html = page.content.decode()
    assert page.status_code == 200 and "合肥先锋网" in html and "采用率" in html
    assert f"/admin/operations/statistics/{net.city.code}/?period=year" in html
    assert "chart-4.6.2.umd.min.js" in html and 'id="xf-chart-data"' in html
    county = client.get(
        f"/admin/operations/statistics/{net.county1.code}/", HTTP_HOST="prov.localhost"
    )
    assert county.status_code == 200 and "甲镇" in county.content.decode()
    export = client.get(
        f"/admin/operations/statistics/{net.county1.code}/?format=xlsx", HTTP_HOST="prov.localhost"
    )
    sheet = load_workbook(BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("范围", "站点数", "发稿数")
    total = next(row for row in rows if row[0] == "合计")
    assert total[2] == 4  # the villages' three and the county's own
    town = next(row for row in rows if row[0] == "甲镇")
    assert town[2] == 3 and town[6] == "50%"


def test_another_branch_is_not_found(client, activity):
    net = activity
    user = UserFactory(username="xian_tongji2", roles=[(net.county1, "webmaster")])
    client.force_login(user)
    other = client.get(
        f"/admin/operations/statistics/{net.county2.code}/", HTTP_HOST="county1.localhost"
    )
    assert other.status_code == 404


def test_messages_and_overdue_messages_are_counted_where_they_happened(net):
    """网络直通车: a message counts for the site it was left on, an overdue one for the
    node that let it run over (reported by the real escalation)."""
    today = timezone.localdate()
    for address in ("192.0.2.1", "192.0.2.2"):
        post_message(net.village1, Posting("张三", "", "consult", "咨询"), address)
    late = post_message(net.village2, Posting("李四", "", "help", "求助"), "192.0.2.3")
    Message.objects.filter(pk=late.pk).update(due_on=today - timedelta(days=1))
    assert escalate_overdue(today) == 1
    refresh_month(today)
    county = report(net.county1, [month_start(today)])
    assert county.total.figures["messages"] == 3
    assert county.total.figures["overdue_messages"] == 1
    village_row = next(row for row in county.by_level if row.label == "村（社区）")
    assert (village_row.figures["messages"], village_row.figures["overdue_messages"]) == (3, 1)
    other = report(net.county2, [month_start(today)])
    assert other.total.figures["messages"] == 0
