"""更新监测 over HTTP: the subtree's stale nodes, drill-down, the dashboard, isolation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from network.factories import UserFactory
from operations.models import SiteProblem, TimelinessRule
from operations.scanning import scan_all
from operations.timeliness import evaluate

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched(net):
    TimelinessRule.objects.create(level="village", working_days=5)
    scan_all()  # the session network's villages have published nothing
    evaluate(timezone.localdate() + timedelta(days=30))
    SiteProblem.objects.create(
        node=net.village1, kind="broken_link", page_id=1, page_title="甲村旧闻", target="页面 #9"
    )
    return net


def test_the_county_sees_its_villages_behind_and_drills_down(client, watched):
    net = watched
    user = UserFactory(username="xian_jiance", roles=[(net.county1, "webmaster")])
    client.force_login(user)
    page = client.get("/admin/operations/timeliness/", HTTP_HOST="county1.localhost")
    html = page.content.decode()
    assert page.status_code == 200 and "下级站点未按时更新（2）" in html
    assert "甲村" in html and "乙村" in html and "丙村" not in html  # another county's
    assert "村（社区） 2 个" in html
    village = client.get(
        f"/admin/operations/timeliness/{net.village1.code}/", HTTP_HOST="county1.localhost"
    ).content.decode()
    assert "村务公开" in village and "空栏目" in village and "甲村旧闻" in village
    assert "未按时更新" in village
    other = client.get(
        f"/admin/operations/timeliness/{net.village3.code}/", HTTP_HOST="county1.localhost"
    )
    assert other.status_code == 404
    dashboard = client.get("/admin/", HTTP_HOST="county1.localhost").content.decode()
    assert "下级站点中有 2 个未按时更新" in dashboard


def test_a_village_webmaster_sees_the_reminder_on_its_dashboard(client, watched):
    net = watched
    user = UserFactory(username="cun_jiance", roles=[(net.village1, "webmaster")])
    client.force_login(user)
    dashboard = client.get("/admin/", HTTP_HOST="village1.localhost").content.decode()
    assert "本站未按时更新" in dashboard
    refused = client.get("/admin/operations/timeliness/", HTTP_HOST="village2.localhost")
    assert refused.status_code in (302, 403)
