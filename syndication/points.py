"""积分, the one ledger: points for accepted submissions (editors and sites) and for
members' learning (学习积分: lessons, exams, articles), and the leaderboards."""

from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone

from network.people import real_name

from .models import LEARNING, Activity, AwardKind, PointAward, PointRule

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


def learning_points(activity: str) -> int:
    """The province's rule for the activity, or the setting's figure."""
    rule = PointRule.objects.filter(activity=activity).values_list("points", flat=True).first()
    return int(rule if rule is not None else settings.XFNET_LEARNING_POINTS.get(activity, 0))


def award_learning(*, activity, ref, title, user_id, node_id, organisation="", at=None) -> int:
    """A member's points for one lesson, exam or article, once: doing it again (a
    lesson rewatched, an exam passed twice, an article republished) adds nothing; an
    award taken back (the article withdrawn) is given back. Returns the points added."""
    if activity not in LEARNING:
        raise ValueError(activity)
    at = at or timezone.now()
    kept = PointAward.objects.filter(activity=activity, ref=str(ref), user_id=user_id).first()
    if kept is not None:
        if kept.revoked_at is None:
            return 0
        PointAward.objects.filter(pk=kept.pk).update(revoked_at=None)
        return kept.points
    points = learning_points(activity)
    if not points:
        return 0
    try:
        with transaction.atomic():
            PointAward.objects.create(
                activity=activity, ref=str(ref), title=title[:200], kind=AwardKind.MEMBER,
                node_id=node_id, user_id=user_id, organisation=organisation, points=points,
                awarded_at=at,
            )  # fmt: skip
    except IntegrityError:  # the same item awarded by a concurrent request
        return 0
    return points


def revoke_learning(activity: str, ref) -> int:
    return PointAward.objects.filter(
        activity=activity, ref=str(ref), revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


def member_ranking(*, within=None, node=None, organisation=None, start=None, end=None):
    """Members by 学习积分, best first: rows of user id, name, node, organisation,
    points and items. within: a subtree; node (+ organisation): one organisation."""
    awards = PointAward.objects.filter(kind=AwardKind.MEMBER, revoked_at__isnull=True)
    if within is not None:
        awards = awards.filter(node__path__startswith=within.path)
    if node is not None:
        awards = awards.filter(node=node)
    if organisation is not None:
        awards = awards.filter(organisation=organisation)
    if start is not None:
        awards = awards.filter(awarded_at__gte=start, awarded_at__lt=end)
    group = ["user_id", "user__username", "user__first_name", "user__last_name",
             "node__code", "node__name", "organisation"]  # fmt: skip
    rows = list(
        awards.values(*group)
        .annotate(points=Sum("points"), items=Count("pk"))
        .order_by("-points", "user__username")
    )
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
        row["name"] = real_name(
            row["user__first_name"], row["user__last_name"], row["user__username"]
        )
    return rows


def member_points(user) -> list[PointAward]:
    return list(
        PointAward.objects.filter(kind=AwardKind.MEMBER, user=user, revoked_at__isnull=True)
        .select_related("node")
        .order_by("-awarded_at")
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
    awards = PointAward.objects.filter(
        revoked_at__isnull=True, kind=by, activity=Activity.SUBMISSION
    )
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
