"""Working days by the centre's calendar (a fixed set of dates, no clock)."""

from datetime import date

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from workdays.calendar import (
    is_working_day,
    working_days_after,
    working_days_before,
    working_days_between,
)
from workdays.models import CalendarDay, DayKind

pytestmark = pytest.mark.django_db


def test_weekdays_work_unless_the_centre_says_otherwise():
    assert working_days_after(date(2026, 11, 20), 5) == date(2026, 11, 27)  # Fri → Fri
    # 国庆: 1–7 October 2026 off, Saturday 10 October worked (调休)
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(day=date(2026, 10, d), kind=DayKind.HOLIDAY, name="国庆节")
            for d in range(1, 8)
        ]
        + [CalendarDay(day=date(2026, 10, 10), kind=DayKind.WORKDAY, name="国庆调休")]
    )
    CalendarDay(day=date(2026, 10, 11), kind=DayKind.WORKDAY).save()  # clears the cache
    assert not is_working_day(date(2026, 10, 1))  # a Thursday, a holiday
    assert is_working_day(date(2026, 10, 10))  # a Saturday, worked
    # from Wednesday 30 September: 8, 9 (Thu, Fri), 10, 11 (the weekend worked)
    assert working_days_after(date(2026, 9, 30), 4) == date(2026, 10, 11)
    assert working_days_before(date(2026, 10, 8), 1) == date(2026, 9, 30)
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 5


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError, match="工作日数须在"):
        working_days_after(date(2026, 1, 1), -1)
    with pytest.raises(ValueError, match="工作日数须在"):
        working_days_before(date(2026, 1, 1), 10_000)


def test_only_the_provinces_webmaster_edits_the_calendar(client, net):
    province = UserFactory(username="sheng_rili", roles=[(net.province, "webmaster")])
    county = UserFactory(username="xian_rili", roles=[(net.county1, "webmaster")])
    client.force_login(province)
    url = "/admin/snippets/xfworkdays/calendarday/add/"
    response = client.post(
        url, {"day": "2027-01-01", "kind": "holiday", "name": "元旦"}, HTTP_HOST="prov.localhost"
    )
    assert response.status_code == 302
    assert not is_working_day(date(2027, 1, 1))
    client.force_login(county)
    refused = client.post(
        url, {"day": "2027-01-02", "kind": "workday"}, HTTP_HOST="county1.localhost"
    )
    assert refused.status_code in (302, 403) and "/admin/" in refused.get("Location", "/admin/")
    assert not CalendarDay.objects.filter(day=date(2027, 1, 2)).exists()


def test_a_day_marked_on_one_sites_host_counts_on_every_other(net):
    """The marked days are cached network-wide, not per schema."""
    monday = date(2026, 12, 7)
    with schema_context(net.county2.tenant.schema_name):
        assert is_working_day(monday)  # cached there
    with schema_context(net.county1.tenant.schema_name):
        CalendarDay.objects.create(day=monday, kind=DayKind.HOLIDAY, name="临时放假")
    with schema_context(net.county2.tenant.schema_name):
        assert not is_working_day(monday)
