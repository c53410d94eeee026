"""A member's progress through lessons, the write side.

A video counts only as far as it was watched without skipping: the page reports the
point playback started from and the point it reached; the server moves the member's
`watched` mark forward only when the report starts at or before that mark, and by no
more than the time that passed since the last report (at up to double speed). A seek
ahead, or a forged report, gains nothing. A lesson is learnt when the mark reaches the
end of its video, or (a plan without a video) when the member says so after reading
for a while. A learnt lesson earns 学习积分 once; a course is complete when every lesson
is (queries)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from partyaffairs.accounts import member_account, organisation_of
from syndication.models import Activity
from syndication.points import award_learning

from .models import Lesson, Progress

FASTEST = 2.0  # playback rate a member may use
SLACK = 3.0  # seconds of timer jitter and network delay a report may carry
END = 2.0  # seconds before the end that count as the end (players stop short)
READING = timedelta(seconds=30)  # a plan read at least this long may be marked learnt


class NotRecorded(Exception):
    """Progress that cannot be recorded; the message is one Chinese sentence."""


@dataclass
class Reported:
    watched: float
    completed: bool
    points: int = 0


def _progress(lesson: Lesson, user, now: datetime) -> Progress:
    account = member_account(user)
    if account is None:
        raise NotRecorded("登录个人中心的党员才能记录学习进度。")
    found = Progress.objects.filter(lesson=lesson, user=user).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Progress.objects.create(
                lesson=lesson, user=user, node=account.node,
                organisation=organisation_of(account), started_at=now, reported_at=now,
            )  # fmt: skip
    except IntegrityError:  # the page's first two reports raced
        return Progress.objects.get(lesson=lesson, user=user)


def record_watch(lesson: Lesson, user, start: float, position: float, now=None) -> Reported:
    """One report from the player: playback ran from `start` to `position`."""
    now = now or timezone.now()
    if lesson.video is None or not lesson.video.is_ready:
        raise NotRecorded("这一课时没有可以播放的视频。")
    progress = _progress(lesson, user, now)
    with transaction.atomic():
        progress = Progress.objects.select_for_update().get(pk=progress.pk)
        duration = lesson.video.duration
        elapsed = max((now - progress.reported_at).total_seconds(), 0)
        if 0 <= start <= progress.watched + SLACK and position > progress.watched:
            reachable = progress.watched + elapsed * FASTEST + SLACK
            progress.watched = min(position, reachable, duration)
        progress.reported_at = now
        learnt = progress.completed_at is None and progress.watched >= duration - END
        if learnt:
            progress.completed_at = now
        progress.save(update_fields=["watched", "reported_at", "completed_at"])
        points = _award(lesson, progress, now) if learnt else 0
    return Reported(progress.watched, progress.completed_at is not None, points)


def mark_read(lesson: Lesson, user, now=None) -> Reported:
    """A lesson with only a plan: learnt when the member says so, once they have had
    the page open for a while (the first visit starts the clock)."""
    now = now or timezone.now()
    if lesson.video is not None:
        raise NotRecorded("这一课时有视频，看完视频即算学完。")
    progress = _progress(lesson, user, now)
    if progress.completed_at is not None:
        return Reported(0, True)
    if now - progress.started_at < READING:
        raise NotRecorded("请先认真阅读教案，稍后再点“学完本课”。")
    with transaction.atomic():
        marked = Progress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
            completed_at=now
        )
        points = _award(lesson, progress, now) if marked else 0
    return Reported(0, True, points)


def opened(lesson: Lesson, user, now=None) -> Progress | None:
    """The member's progress row, made on first visit (it starts the reading clock)."""
    if member_account(user) is None:
        return None
    return _progress(lesson, user, now or timezone.now())


def _award(lesson: Lesson, progress: Progress, now: datetime) -> int:
    title = f"{lesson.course.title} · {lesson.title}"
    return award_learning(activity=Activity.LESSON, ref=lesson.uuid, title=title,
                          user_id=progress.user_id, node_id=progress.node_id,
                          organisation=progress.organisation, at=now)  # fmt: skip
