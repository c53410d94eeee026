"""党务公开 / 村务公开 (issue 19, item 6): notices with a 公示期, listed while on notice,
then archived with a marker; impossible periods refused in the editor."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from network.factories import UserFactory
from sites.factories import ArticlePageFactory, article_form, node_column
from sites.models import ArticlePage, ColumnKind

pytestmark = pytest.mark.django_db


def test_the_standard_disclosure_columns_are_disclosure_columns(net):
    with schema_context(net.village1.tenant.schema_name):
        assert node_column(net.village1, "村务公开").kind == ColumnKind.DISCLOSURE
        assert node_column(net.village1, "党务公开").kind == ColumnKind.DISCLOSURE
        assert node_column(net.village1, "通知公告").kind == ColumnKind.NEWS


def test_a_notice_on_notice_then_archived(client, net):
    today = timezone.localdate()
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "村务公开")
        current = ArticlePageFactory(
            parent=column, title="甲村2026年第四季度财务公开",
            publicity_start=today - timedelta(days=2), publicity_end=today + timedelta(days=3),
        )  # fmt: skip
        ArticlePageFactory(
            parent=column, title="甲村低保名单公示",
            publicity_start=today - timedelta(days=20), publicity_end=today - timedelta(days=13),
        )  # fmt: skip
        ArticlePageFactory(parent=column, title="甲村召开村民代表大会")
        current_path = "/" + current.url_path.split("/", 2)[2]  # below the home
        column_path = "/" + column.url_path.split("/", 2)[2]
    html = client.get(column_path, HTTP_HOST="village1.localhost").content.decode()
    notice, rest = html.split('id="on-notice-title"')[1].split("</section>", 1)
    assert "甲村2026年第四季度财务公开" in notice and "甲村低保名单公示" not in notice
    end = today + timedelta(days=3)
    assert f"公示期 {today - timedelta(days=2):%Y-%m-%d} 至 {end:%Y-%m-%d}" in notice
    assert f"公示中（至{end:%Y-%m-%d}）" in rest
    assert "甲村低保名单公示</a>" in rest and "已归档（公示期满）" in rest
    assert rest.count("publicity-") == 2  # the ordinary article carries no marker
    article = client.get(current_path, HTTP_HOST="village1.localhost").content.decode()
    assert "公示期：" in article and "公示中" in article


def test_impossible_periods_are_refused_in_the_editor(client, net):
    user = UserFactory(username="cun_gongshi", roles=[(net.village1, "webmaster")])
    client.force_login(user)
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "村务公开")
    url = f"/admin/pages/add/xfsites/articlepage/{column.pk}/"
    for period, message in [
        ({"publicity_start": "2026-12-10", "publicity_end": "2026-12-01"}, "不能早于开始日期"),
        ({"publicity_start": "2026-12-10"}, "请同时填写开始和截止日期"),
    ]:
        data = article_form("日期填反的公示", **period, **{"action-publish": "action-publish"})
        response = client.post(url, data, HTTP_HOST="village1.localhost")
        assert response.status_code == 200 and message in response.content.decode()
        assert 'value="日期填反的公示"' in response.content.decode()  # the input is kept
    with schema_context(net.village1.tenant.schema_name):
        assert not ArticlePage.objects.filter(title="日期填反的公示").exists()
