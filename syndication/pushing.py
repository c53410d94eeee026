"""下发: news pushed down the tree (上级要闻), and what each site receives."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from network.levels import RANK, Level
from network.models import Node

from . import audit, events
from .errors import SyndicationError
from .models import AuditAction, DeliveryKind, Hide, Push, Submission, SubmissionState
from .outbox import enqueue
from .permissions import is_ancestor, may_push_from, may_review_at, require
from .reach import pushes_reaching
from .stories import refresh_snapshot


def push_down(
    *, user, node, story, levels=(), branches=(), pinned=False, mandatory=False, expires_at=None
) -> Push:
    """Push a story down as 上级要闻 to the node's descendants (all, some branches or levels)."""
    require(may_push_from(user, node), "只有本站的审核员或站长可以下发要闻。")
    require(
        story.origin_node_id == node.pk or _accepted_at(node, story),
        "只能下发本站的稿件或本站采用的稿件。",
    )
    for level in levels:
        require(RANK.get(level, -1) > RANK[node.level], "只能下发到比本站低的层级。")
    for branch in branches:
        require(is_ancestor(node, branch), "只能下发到本站的下级站点。")
    if not story.is_live:
        raise SyndicationError("这篇稿件已不在发布状态，不能下发。")
    if expires_at is not None and expires_at <= timezone.now():
        raise SyndicationError("截止时间必须晚于现在。")
    if node.is_leaf():
        raise SyndicationError("本站没有下级站点。")
    with transaction.atomic():
        push = Push.objects.create(
            story=story,
            from_node=node,
            levels=sorted(set(levels), key=RANK.get),
            branch_paths=sorted({branch.path for branch in branches}),
            pinned=pinned,
            mandatory=mandatory,
            expires_at=expires_at,
            created_by=user,
        )
        audit.record(story, node, user, AuditAction.PUSHED, describe_scope(push, branches))
        enqueue(DeliveryKind.PUSH, story, push=push)
    return push


def describe_scope(push: Push, branches=None) -> str:
    parts = []
    if branches:
        parts.append("、".join(branch.name for branch in branches))
    if push.levels:
        parts.append("、".join(Level(level).label for level in push.levels))
    scope = "；".join(parts) or "全部下级站点"
    flags = [flag for flag, on in (("置顶", push.pinned), ("必须展示", push.mandatory)) if on]
    return "，".join([scope, *flags])


def nodes_in_scope(push: Push):
    """The sites a push reaches (for the log; showing a push never expands this)."""
    nodes = Node.objects.filter(path__startswith=push.from_node.path).exclude(pk=push.from_node_id)
    if push.levels:
        nodes = nodes.filter(level__in=push.levels)
    if push.branch_paths:
        branch_query = Q()
        for path in push.branch_paths:
            branch_query |= Q(path__startswith=path)
        nodes = nodes.filter(branch_query)
    return nodes


def deliver_push(delivery) -> None:
    push = delivery.push
    refresh_snapshot(delivery.story)
    if push.delivered_at is None:
        push.delivered_at = timezone.now()
    push.reach = nodes_in_scope(push).count()
    push.save(update_fields=["delivered_at", "reach"])
    events.pushed_news_changed.send(sender=Push, from_node=push.from_node)


def withdraw_push(*, user, push: Push) -> None:
    """撤回 one push (the story stays wherever else it is)."""
    require(may_push_from(user, push.from_node), "只有下发站点的审核员或站长可以撤回下发。")
    if push.withdrawn_at is None:
        push.withdrawn_at = timezone.now()
        push.save(update_fields=["withdrawn_at"])
        audit.record(push.story, push.from_node, user, AuditAction.PUSH_WITHDRAWN)
        events.pushed_news_changed.send(sender=Push, from_node=push.from_node)


def hide_story(*, user, node: Node, story) -> None:
    """A receiving site stops showing a story; other sites keep it."""
    require(may_review_at(user, node), "只有本站的审核员或站长可以隐藏稿件。")
    reaching = pushes_reaching(node, include_hidden=True).filter(story=story)
    require(
        reaching.exists() or _accepted_at(node, story),
        "这篇稿件没有下发或报送到本站。",
    )
    require(not reaching.filter(mandatory=True).exists(), "上级要求必须展示的稿件不能隐藏。")
    _, created = Hide.objects.get_or_create(node=node, story=story, defaults={"hidden_by": user})
    if created:
        audit.record(story, node, user, AuditAction.HIDDEN)
        events.story_hidden_or_shown.send(sender=Hide, node=node)


def show_story(*, user, node: Node, story) -> None:
    require(may_review_at(user, node), "只有本站的审核员或站长可以取消隐藏。")
    deleted, _ = Hide.objects.filter(node=node, story=story).delete()
    if deleted:
        audit.record(story, node, user, AuditAction.SHOWN)
        events.story_hidden_or_shown.send(sender=Hide, node=node)


def _accepted_at(node: Node, story) -> bool:
    return Submission.objects.filter(
        story=story, to_node=node, state=SubmissionState.ACCEPTED
    ).exists()
