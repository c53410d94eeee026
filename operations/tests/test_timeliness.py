"""更新监测 (issue 19, item 1): the scan, the rules on the centre's calendar (a fixed
clock), reminders once, and impossible rules refused."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tenants.utils import schema_context

from network.factories import UserFactory
from notifications.models import InboxItem
from notifications.sending import deliver_pending_here
from operations.models import ColumnActivity, ScanState, Staleness, TimelinessRule
from operations.reminders import send_reminders
from operations.scanning import scan_all, scan_changed
from operations.timeliness import evaluate
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage
from workdays.models import CalendarDay, DayKind

pytestmark = pytest.mark.django_db

TODAY = date(2027, 3, 10)  # a Wednesday, well after the session network was built


def at(day: date):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10))


def publish(node, column_title, when: date, title="测试文章"):
    with schema_context(node.tenant.schema_name):
        article = ArticlePageFactory(parent=node_column(node, column_title), title=title)
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=at(when))
    return article


def test_the_scan_reads_every_column_and_then_only_what_changed(net):
    publish(net.village1, "村务公开", date(2027, 3, 1))
    publish(net.village1, "村务公开", date(2027, 3, 5))
    scanned = scan_all()
    assert scanned >= 6 * 3  # every top column of every site, empty ones too
    columns = {c.column_title: c for c in ColumnActivity.objects.filter(node=net.village1)}
    assert columns["村务公开"].articles == 2
    assert timezone.localdate(columns["村务公开"].last_published_at) == date(2027, 3, 5)
    assert columns["美好乡村"].articles == 0 and columns["美好乡村"].last_published_at is None
    assert scan_changed() == 0  # nothing changed since
    # publishing through Wagtail marks the schema; only it is read again
    with schema_context(net.village2.tenant.schema_name):
        page = ArticlePageFactory(parent=node_column(net.village2, "通知公告"), live=False)
        page.save_revision().publish()
    assert ScanState.objects.get(schema_name=net.village2.tenant.schema_name).changed_at
    rescanned = scan_changed()
    county_columns = ColumnActivity.objects.filter(node__tenant=net.village2.tenant).count()
    assert rescanned == county_columns
    assert ColumnActivity.objects.get(node=net.village2, column_title="通知公告").articles == 1


def test_nodes_behind_a_rule_by_working_days_and_reminded_once(net):
    webmaster = UserFactory(
        username="cun_gengxin", email="gengxin@example.cn", roles=[(net.village1, "webmaster")]
    )
    village_rule = TimelinessRule.objects.create(level="village", working_days=10)
    notices = TimelinessRule.objects.create(level="county", column_title="通知公告", working_days=5)
    publish(net.village1, "通知公告", TODAY - timedelta(days=20))  # three weeks ago
    publish(net.village2, "通知公告", TODAY - timedelta(days=3))
    publish(net.county1, "通知公告", TODAY - timedelta(days=9))  # 7 working days
    publish(net.county2, "通知公告", TODAY - timedelta(days=1))
    scan_all()
    new, cleared = evaluate(TODAY)
    behind = set(Staleness.objects.values_list("node__code", "rule_id"))
    assert (net.village1.code, village_rule.pk) in behind
    assert (net.county1.code, notices.pk) in behind
    assert (net.village2.code, village_rule.pk) not in behind
    assert (net.county2.code, notices.pk) not in behind
    assert (net.village3.code, village_rule.pk) in behind  # never published at all
    assert new == len(behind) and cleared == 0

    assert send_reminders() >= 1
    told = InboxItem.objects.get(recipient=webmaster, topic__startswith="operations.staleness.")
    assert "10个工作日未更新" in told.title
    deliver_pending_here()  # the outbox's e-mails (a worker sends them after the commit)
    to_webmaster = [m for m in mail.outbox if webmaster.email in m.to]
    assert len(to_webmaster) == 1
    assert "甲村" in to_webmaster[0].subject and "10个工作日未更新" in to_webmaster[0].subject
    mail.outbox.clear()
    assert send_reminders() == 0 and deliver_pending_here() == 0 and not mail.outbox  # once

    # the centre declares the last fortnight holidays: 甲县 is no longer behind
    CalendarDay.objects.bulk_create(
        CalendarDay(day=TODAY - timedelta(days=d), kind=DayKind.HOLIDAY) for d in range(1, 15)
    )
    CalendarDay(day=TODAY + timedelta(days=365), kind=DayKind.HOLIDAY).save()  # clears the cache
    new, cleared = evaluate(TODAY)
    assert not Staleness.objects.filter(node=net.county1, rule=notices).exists()
    assert cleared >= 1


def test_impossible_rules_are_refused_and_only_the_province_sets_them(client, net):
    province = UserFactory(username="sheng_guize", roles=[(net.province, "webmaster")])
    county = UserFactory(username="xian_guize", roles=[(net.county1, "webmaster")])
    url = "/admin/snippets/xfoperations/timelinessrule/add/"
    client.force_login(province)
    for days, message in [("0", "至少为 1 个工作日"), ("1000", "不能超过 366 个工作日")]:
        data = {"level": "village", "column_title": "", "working_days": days}
        response = client.post(url, data, HTTP_HOST="prov.localhost")
        assert response.status_code == 200 and message in response.content.decode()
    assert not TimelinessRule.objects.exists()
    data = {"level": "village", "column_title": " 村务公开 ", "working_days": "10"}
    assert client.post(url, data, HTTP_HOST="prov.localhost").status_code == 302
    assert TimelinessRule.objects.get().column_title == "村务公开"
    client.force_login(county)
    data = {"level": "county", "column_title": "", "working_days": "3"}
    client.post(url, data, HTTP_HOST="county1.localhost")
    assert TimelinessRule.objects.count() == 1
