"""Who sees a course and who keeps it: anyone reading the course's site, or a site
below it when the course is offered below, sees a published course; a member's
progress is recorded only on a member account; the node's editors keep courses."""

from network.roles import user_may_edit_content
from partyaffairs.access import may_keep_register

from .models import Course


def courses_for(node):
    """Published courses offered on this site: its own and those from above."""
    own = Course.objects.filter(node=node, published=True)
    above = Course.objects.filter(node__path__in=node.ancestor_paths(), below=True, published=True)
    return (own | above).select_related("node")


def course_shown_on(course: Course, node) -> bool:
    if not course.published or node is None:
        return False
    return course.node_id == node.pk or (course.below and node.path.startswith(course.node.path))


def may_keep_courses(user, node) -> bool:
    return node is not None and (user_may_edit_content(user, node) or may_keep_register(user, node))
