"""网上课堂 on every site (/classroom/): the courses offered there, a course's lessons
with the member's progress, a lesson's plan and video, and the player's progress
reports (JSON). Anyone reads; only a member's progress is recorded. Never cached:
a member's marks are on the page."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from network.screens import node_or_404
from partyaffairs.accounts import member_account

from ..access import course_shown_on
from ..models import Course, Lesson, Progress
from ..progress import NotRecorded, mark_read, opened, record_watch
from ..queries import courses_with_progress


@never_cache
def course_list(request):
    node = node_or_404(request)
    courses = courses_with_progress(node, request.user)
    return render(request, "classroom/list.html", {"courses": courses,
                  "account": member_account(request.user)})  # fmt: skip


@never_cache
def course_page(request, uuid):
    course = Course.objects.select_related("node").filter(uuid=uuid).first()
    if course is None or not course_shown_on(course, node_or_404(request)):
        raise Http404("没有这门课程。")
    lessons = list(course.lessons.select_related("video"))
    learnt = set()
    if member_account(request.user) is not None:
        learnt = set(Progress.objects.filter(lesson__course=course, user=request.user,
                     completed_at__isnull=False).values_list("lesson_id", flat=True))  # fmt: skip
    return render(request, "classroom/course.html", {
        "course": course, "lessons": [(lesson, lesson.pk in learnt) for lesson in lessons],
        "done": len(learnt), "account": member_account(request.user),
    })  # fmt: skip


def _lesson(request, uuid) -> Lesson:
    lesson = Lesson.objects.select_related("course__node", "video").filter(uuid=uuid).first()
    if lesson is None or not course_shown_on(lesson.course, node_or_404(request)):
        raise Http404("没有这一课时。")
    return lesson


@never_cache
def lesson_page(request, uuid, error=None):
    lesson = _lesson(request, uuid)
    siblings = list(lesson.course.lessons.only("uuid", "title", "order"))
    index = next(n for n, other in enumerate(siblings) if other.pk == lesson.pk)
    return render(request, "classroom/lesson.html", {
        "lesson": lesson, "course": lesson.course, "progress": opened(lesson, request.user),
        "attachments": lesson.attachments.all(), "account": member_account(request.user),
        "previous": siblings[index - 1] if index else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None, "error": error,
    }, status=400 if error else 200)  # fmt: skip


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise NotRecorded("进度数据不正确。") from None
    if number != number or number < 0:  # NaN or negative
        raise NotRecorded("进度数据不正确。")
    return number


@require_POST
def lesson_progress(request, uuid):
    """From the player: {"watched": seconds, "completed": bool, "points": added}, or
    400 with "error"."""
    lesson = _lesson(request, uuid)
    try:
        reported = record_watch(lesson, request.user, _number(request.POST.get("start")),
                                _number(request.POST.get("position")))  # fmt: skip
    except NotRecorded as refused:
        return JsonResponse({"error": str(refused)}, status=400)
    return JsonResponse({"watched": round(reported.watched, 1), "completed": reported.completed,
                         "points": reported.points})  # fmt: skip


@require_POST
def lesson_done(request, uuid):
    """学完本课 on a lesson with only a plan (a plain form)."""
    lesson = _lesson(request, uuid)
    try:
        mark_read(lesson, request.user)
    except NotRecorded as refused:
        return lesson_page(request, uuid, error=str(refused))
    return redirect(lesson.get_url())
