"""论坛议事, the read side: what a reader sees (visible posts; their own held ones; all
for moderators), the moderators' queues, and how a name is shown."""

from datetime import date

from django.db.models import Q, QuerySet

from network.models import Node
from network.people import masked, real_name

from .access import may_moderate
from .models import Post, PostImage, PostState, Report, Topic


def display_name(user) -> str:
    """王** for a member or staff account: names are not published in full."""
    return masked(real_name(user.first_name, user.last_name, user.username))


def _readable(viewer, node: Node) -> Q:
    if may_moderate(viewer, node):
        return Q()
    mine = Q(author=viewer) if viewer.is_authenticated else Q(pk__in=[])
    return Q(state=PostState.VISIBLE) | mine


def topics_of(board, viewer) -> QuerySet:
    return (
        Topic.objects.filter(board=board)
        .filter(_readable(viewer, board.node))
        .select_related("author")
        .order_by("-pinned", "-last_post_at", "-pk")
    )


def readable_topic(topic_id, node: Node, viewer) -> Topic | None:
    return (
        Topic.objects.filter(pk=topic_id, node=node)
        .filter(_readable(viewer, node))
        .select_related("board", "author", "named", "node")
        .first()
    )


def posts_of(topic, viewer) -> QuerySet:
    """Every post in order; a hidden or held one keeps its place (its text is not
    shown to readers who may not see it: the template asks `shown`)."""
    return (
        Post.objects.filter(topic=topic)
        .select_related("author", "quote", "quote__author")
        .prefetch_related("images")
    )


def shown(post, viewer, node) -> bool:
    if post.state == PostState.VISIBLE:
        return True
    if post.state == PostState.HELD and viewer.is_authenticated and post.author_id == viewer.pk:
        return True
    return may_moderate(viewer, node)


def readable_image(image_uuid, viewer) -> PostImage | None:
    image = PostImage.objects.filter(uuid=image_uuid).select_related("post__topic__node").first()
    if image is None or not shown(image.post, viewer, image.post.topic.node):
        return None
    if image.post.topic.state == PostState.HIDDEN and not may_moderate(
        viewer, image.post.topic.node
    ):
        return None
    return image


def open_reports(node: Node) -> QuerySet:
    return (
        Report.objects.filter(post__topic__node=node, resolved_at__isnull=True)
        .select_related("post", "post__topic", "post__author", "reporter")
        .order_by("created_at")
    )


def held_posts(node: Node) -> QuerySet:
    return (
        Post.objects.filter(topic__node=node, state=PostState.HELD)
        .select_related("topic", "author")
        .order_by("created_at")
    )


def named_waiting(node: Node, today: date) -> list[tuple[Topic, bool]]:
    """点将台 topics whose named member has not answered: (topic, overdue)."""
    topics = (
        Topic.objects.filter(node=node, named__isnull=False, named_answered_at__isnull=True)
        .select_related("named")
        .order_by("named_due_on")
    )
    return [(topic, topic.named_due_on < today) for topic in topics]
