"""积分 periods and levels: what counts where."""

from datetime import datetime

import pytest
from django.utils import timezone

from syndication.factories import story_at
from syndication.models import PointAward, Submission
from syndication.points import leaderboard, period_bounds

pytestmark = pytest.mark.django_db


def test_period_bounds_cover_months_quarters_and_years():
    tz = timezone.get_current_timezone()
    assert period_bounds("month", 2026, 12) == (
        datetime(2026, 12, 1, tzinfo=tz),
        datetime(2027, 1, 1, tzinfo=tz),
    )
    assert period_bounds("quarter", 2026, 2) == (
        datetime(2026, 4, 1, tzinfo=tz),
        datetime(2026, 7, 1, tzinfo=tz),
    )
    assert period_bounds("year", 2026) == (
        datetime(2026, 1, 1, tzinfo=tz),
        datetime(2027, 1, 1, tzinfo=tz),
    )


def test_leaderboard_counts_only_the_period_level_and_subtree_asked_for(net, people):
    tz = timezone.get_current_timezone()

    def award(node, to_node, points, when):
        story = story_at(node, user=people.village_editor)
        submission = Submission.objects.create(
            story=story, from_node=node, to_node=to_node, state="accepted", decided_at=when
        )
        PointAward.objects.create(
            submission=submission,
            kind="node",
            node=node,
            level=to_node.level,
            points=points,
            awarded_at=when,
        )

    award(net.village1, net.town1, 1, datetime(2026, 3, 31, 23, 0, tzinfo=tz))
    award(net.village1, net.county1, 3, datetime(2026, 4, 1, 0, 30, tzinfo=tz))
    award(net.village3, net.town2, 1, datetime(2026, 4, 2, tzinfo=tz))

    q1 = leaderboard(
        by="node", start=datetime(2026, 1, 1, tzinfo=tz), end=datetime(2026, 4, 1, tzinfo=tz)
    )
    assert [(r["node__code"], r["points"]) for r in q1] == [(net.village1.code, 1)]
    april = leaderboard(
        by="node", start=datetime(2026, 4, 1, tzinfo=tz), end=datetime(2026, 5, 1, tzinfo=tz)
    )
    assert [(r["node__code"], r["points"]) for r in april] == [
        (net.village1.code, 3),
        (net.village3.code, 1),
    ]
    assert [r["points"] for r in leaderboard(by="node", level="county")] == [3]
    within = leaderboard(by="node", within=net.county2)
    assert [(r["node__code"], r["points"]) for r in within] == [(net.village3.code, 1)]
