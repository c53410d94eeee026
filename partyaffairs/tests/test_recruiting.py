from datetime import date

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from partyaffairs.errors import PartyAffairsError
from partyaffairs.queries import due_next
from partyaffairs.recruiting import (
    add_recruit,
    advance,
    publish_notice,
)  # fmt: skip
from sites.models import ArticlePage
from sites.visibility import public_pages
from workdays.calendar import working_days_after


@pytest.mark.django_db  # the centre's holiday calendar is read
def test_working_days_skip_weekends():
    assert working_days_after(date(2026, 11, 20), 5) == date(2026, 11, 27)  # a Friday


def test_the_pipeline_keeps_its_intervals_and_its_public_notices(net, officers, branches):
    officer, village = officers.village1, net.village1
    with schema_context(village.tenant.schema_name):
        recruit = add_recruit(officer, village, organisation=branches.village1, name="赵春华",
                              gender="女", birth_date=date(1998, 3, 2), education="大学本科",
                              applied_on=date(2023, 3, 1))  # fmt: skip
        with pytest.raises(PartyAffairsError, match="下一步应是“入党积极分子”"):
            advance(officer, village, recruit, "candidate", date(2024, 5, 1))
        advance(officer, village, recruit, "activist", date(2023, 4, 1))
        with pytest.raises(PartyAffairsError, match="最早于2024年04月01日"):
            advance(officer, village, recruit, "candidate", date(2024, 3, 31))
        advance(officer, village, recruit, "candidate", date(2024, 4, 1))
        assert [d.stage for d in due_next(village)] == ["probationary"]
        assert due_next(village)[0].first_day is None  # the 公示 comes first
        with pytest.raises(PartyAffairsError, match="须先在本站公示"):
            advance(officer, village, recruit, "probationary", date(2024, 6, 1))
        notice = publish_notice(officer, village, recruit, on=date(2024, 6, 3))
        assert notice.title == "关于拟发展赵春华同志为中共预备党员的公示"
        assert public_pages(ArticlePage.objects.filter(pk=notice.pk)).exists()
        assert notice.get_parent().title == "党务公开"
        with pytest.raises(PartyAffairsError, match="最早于2024年06月10日"):
            advance(officer, village, recruit, "probationary", date(2024, 6, 7))
        advance(officer, village, recruit, "probationary", date(2024, 6, 10))
        member = recruit.member
        assert (member.status, member.joined_on) == ("probationary", date(2024, 6, 10))
        publish_notice(officer, village, recruit, on=date(2025, 6, 2))
        with pytest.raises(PartyAffairsError, match="最早于2025年06月10日"):
            advance(officer, village, recruit, "full", date(2025, 6, 9))
        advance(officer, village, recruit, "full", date(2025, 6, 10))
        member.refresh_from_db()
        assert (member.status, member.full_member_on) == ("full", date(2025, 6, 10))
        assert due_next(village) == []


def test_an_applicant_under_eighteen_or_from_the_future_is_refused(net, officers, branches):
    with schema_context(net.village1.tenant.schema_name):
        with pytest.raises(PartyAffairsError, match="年满十八周岁"):
            add_recruit(officers.village1, net.village1, organisation=branches.village1,
                        name="少年", gender="男", birth_date=date(2010, 1, 1), education="高中",
                        applied_on=date(2026, 1, 1))  # fmt: skip
        tomorrow = timezone.localdate().replace(year=timezone.localdate().year + 1)
        with pytest.raises(PartyAffairsError, match="不能晚于今天"):
            add_recruit(officers.village1, net.village1, organisation=branches.village1,
                        name="甲", gender="男", birth_date=date(1990, 1, 1), education="高中",
                        applied_on=tomorrow)  # fmt: skip
