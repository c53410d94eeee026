"""积分: points for accepted submissions, and the leaderboards."""

from datetime import datetime

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone

from network.people import real_name

from .models import AwardKind, PointAward

PERIODS = {"month": "月", "quarter": "季度", "year": "年"}


def points_for_level(level: str) -> int:
    return int(settings.XFNET_POINTS_PER_LEVEL.get(level, 0))


def award_points(submission) -> int:
    """Award the acceptance's points to the author and the origin node, once."""
    points = points_for_level(submission.to_node.level)
    if not points:
        return 0
    story = submission.story
    awards = [
        PointAward(
            submission=submission,
            kind=AwardKind.NODE,
            node=story.origin_node,
            level=submission.to_node.level,
            points=points,
            awarded_at=submission.decided_at,
        )
    ]
    if story.created_by_id is not None:
        awards.append(
            PointAward(
                submission=submission,
                kind=AwardKind.AUTHOR,
                node=story.origin_node,
                user_id=story.created_by_id,
                level=submission.to_node.level,
                points=points,
                awarded_at=submission.decided_at,
            )
        )
    PointAward.objects.bulk_create(awards, ignore_conflicts=True)
    return points


def revoke_points(story) -> int:
    return PointAward.objects.filter(submission__story=story, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def period_bounds(period: str, year: int, index: int = 1) -> tuple[datetime, datetime]:
    """[start, end) of a month (index 1-12), quarter (1-4) or year, in local time."""
    tz = timezone.get_current_timezone()
    if period == "year":
        start_month, months = 1, 12
    elif period == "quarter":
        start_month, months = 3 * (index - 1) + 1, 3
    else:
        start_month, months = index, 1
    end_month = start_month + months
    start = datetime(year, start_month, 1, tzinfo=tz)
    end = datetime(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1, tzinfo=tz)
    return start, end


def leaderboard(*, by: str, start=None, end=None, level=None, within=None):
    """Rows of (name, node, points, accepted count), best first.

    by: "node" or "author"; level: only acceptances at this level; within: a node
    whose subtree the ranking is limited to.
    """
    awards = PointAward.objects.filter(revoked_at__isnull=True, kind=by)
    if start is not None:
        awards = awards.filter(awarded_at__gte=start, awarded_at__lt=end)
    if level:
        awards = awards.filter(level=level)
    if within is not None:
        awards = awards.filter(node__path__startswith=within.path)
    group = ["node__code", "node__name"]
    if by == AwardKind.AUTHOR:
        group += ["user__username", "user__first_name", "user__last_name"]
    rows = list(
        awards.values(*group)
        .annotate(points=Sum("points"), accepted=Count("submission", distinct=True))
        .order_by("-points", *group)
    )
    if by == AwardKind.AUTHOR:
        for row in rows:
            row["author"] = real_name(
                row["user__first_name"], row["user__last_name"], row["user__username"]
            )
    return rows
