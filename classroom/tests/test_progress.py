"""Progress through lessons: a video counts only as far as it was watched without
skipping, at no more than double speed; a plan is learnt after reading for a while;
a learnt lesson earns 学习积分 once; a course is complete when every lesson is."""

from datetime import timedelta

import pytest
from django.utils import timezone

from classroom.factories import CourseFactory, LessonFactory
from classroom.models import Progress
from classroom.progress import NotRecorded, mark_read, opened, record_watch
from classroom.queries import completed_by, courses_with_progress
from network.factories import UserFactory
from syndication.models import PointAward, PointRule
from syndication.points import member_ranking
from videos.factories import VideoFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(net):
    course = CourseFactory(node=net.county1)
    return LessonFactory(course=course, video=VideoFactory(node=net.county1, duration=60))


def test_watching_to_the_end_learns_the_lesson_and_earns_points_once(net, member_of, lesson):
    user = member_of(net.village1, "pr_full")
    t0 = timezone.now()
    opened(lesson, user, t0)
    for second in range(10, 61, 10):  # a report every 10 s of real time
        reported = record_watch(lesson, user, second - 10, second, t0 + timedelta(seconds=second))
    assert reported.completed and reported.points == 2  # XFNET_LEARNING_POINTS["lesson"]
    again = record_watch(lesson, user, 0, 60, t0 + timedelta(seconds=200))
    assert again.completed and again.points == 0
    award = PointAward.objects.get(user=user)
    assert (award.activity, award.ref, award.points) == ("lesson", str(lesson.uuid), 2)
    assert award.node == net.village1 and award.organisation == "甲村党支部"
    listed = courses_with_progress(net.village1, user).get(pk=lesson.course.pk)
    assert (listed.learnt, listed.lesson_count) == (1, 1)


def test_skipping_ahead_counts_for_nothing(net, member_of, lesson):
    user = member_of(net.village1, "pr_skip")
    t0 = timezone.now()
    opened(lesson, user, t0)
    record_watch(lesson, user, 0, 10, t0 + timedelta(seconds=10))
    # a seek to 50 s, then playing to the end: the stretch starts past the mark
    skipped = record_watch(lesson, user, 50, 60, t0 + timedelta(seconds=20))
    assert skipped.watched == 10 and not skipped.completed
    assert not PointAward.objects.exists()


def test_a_forged_report_gains_no_more_than_the_time_that_passed(net, member_of, lesson):
    user = member_of(net.village1, "pr_forge")
    t0 = timezone.now()
    opened(lesson, user, t0)
    forged = record_watch(lesson, user, 0, 60, t0 + timedelta(seconds=5))
    assert forged.watched == pytest.approx(5 * 2 + 3)  # double speed and slack, no more
    assert not forged.completed


def test_a_plan_is_learnt_after_reading_and_progress_needs_a_member(net, member_of):
    plan_only = LessonFactory(course=CourseFactory(node=net.village1), video=None)
    user = member_of(net.village1, "pr_plan")
    t0 = timezone.now()
    opened(plan_only, user, t0)
    with pytest.raises(NotRecorded, match="认真阅读"):
        mark_read(plan_only, user, t0 + timedelta(seconds=5))
    assert mark_read(plan_only, user, t0 + timedelta(seconds=40)).points == 2
    assert mark_read(plan_only, user, t0 + timedelta(seconds=50)).points == 0
    editor = UserFactory(username="pr_editor", roles=[(net.village1, "editor")])
    with pytest.raises(NotRecorded, match="党员"):
        mark_read(plan_only, editor)
    assert not Progress.objects.filter(user=editor).exists()


def test_the_provinces_rule_sets_the_points_and_rankings_follow(net, member_of):
    PointRule.objects.create(activity="lesson", points=7)
    course = CourseFactory(node=net.county1)
    lessons = [LessonFactory(course=course, video=None) for _ in range(2)]
    first = member_of(net.village1, "pr_first")
    second = member_of(net.village3, "pr_second", organisation="丙村党支部")
    t0 = timezone.now()
    for user, count in ((first, 2), (second, 1)):
        for lesson in lessons[:count]:
            opened(lesson, user, t0)
            mark_read(lesson, user, t0 + timedelta(minutes=1))
    rows = member_ranking()
    assert [(r["user__username"], r["points"], r["rank"]) for r in rows] == [
        ("pr_first", 14, 1), ("pr_second", 7, 2),
    ]  # fmt: skip
    assert [r["user__username"] for r in member_ranking(within=net.county1)] == ["pr_first"]
    assert completed_by(course) == 1  # the second member learnt one lesson of two
    listed = courses_with_progress(net.village1, first).get(pk=course.pk)
    assert (listed.lesson_count, listed.learnt) == (2, 2)
