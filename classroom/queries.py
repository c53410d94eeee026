"""网上课堂, the read side: courses offered on a site with the member's progress, and
how many have completed a course."""

from django.db.models import Count, Q

from .access import courses_for
from .models import Progress


def courses_with_progress(node, user):
    """Published courses offered here, each with `lesson_count` and `learnt` (the
    member's lessons learnt; 0 for anyone else), in one query."""
    user_id = user.pk if getattr(user, "is_authenticated", False) else None
    mine = Q(lessons__progress__user_id=user_id, lessons__progress__completed_at__isnull=False)
    return (
        courses_for(node)
        .annotate(
            lesson_count=Count("lessons", distinct=True),
            learnt=Count("lessons__progress", filter=mine, distinct=True),
        )
        .order_by("-created_at")
    )


def completed_by(course) -> int:
    """Members who have learnt every lesson of the course."""
    total = course.lessons.count()
    if not total:
        return 0
    learnt = (
        Progress.objects.filter(lesson__course=course, completed_at__isnull=False)
        .values("user")
        .annotate(n=Count("pk"))
        .filter(n=total)
    )
    return learnt.count()
