"""报送: stories submitted up the tree, one review per hop, with receipts."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from network.models import Node, Role
from network.roles import accounts_with_roles

from . import audit, events
from .errors import SyndicationError
from .mapping import column_belongs_to, columns_of, mapped_column
from .models import AuditAction, DeliveryKind, Submission, SubmissionState
from .notices import queue_notice
from .outbox import enqueue
from .permissions import SyndicationDenied, may_review_at, may_submit_from, require
from .points import award_points
from .stories import refresh_snapshot
from .topics import open_topics


def submit_up(*, user, node: Node, story, to_node: Node | None = None, note="") -> Submission:
    """Send one of the node's own stories to its parent's review inbox."""
    require(may_submit_from(user, node), "只有本站成员可以报送稿件。")
    require(story.origin_node_id == node.pk, "只能报送本站自己的稿件。")
    parent = node.get_parent()
    if parent is None:
        raise SyndicationError("本站是最高一级，没有上级站点可报送。")
    require(to_node is None or to_node.pk == parent.pk, "只能报送给直接上级站点。")
    if not story.is_live:
        raise SyndicationError("稿件公开发布后才能报送（未发布或设置了访问限制的稿件不能报送）。")
    try:
        return _open_hop(user=user, node=node, parent=parent, story=story, note=note)
    except IntegrityError:
        # the same story sent twice at once (a double click): the other request won
        raise _already_sent(story, parent) from None


def _already_sent(story, parent: Node) -> SyndicationError:
    existing = Submission.objects.filter(story=story, to_node=parent).first()
    state = existing.get_state_display() if existing else SubmissionState.QUEUED.label
    return SyndicationError(f"这篇稿件已报送给{parent.name}，状态：{state}。")


def submit_to_topic(*, user, node: Node, story, topic_key: str, note="") -> Submission:
    """报送专题: send one of the node's stories to an ancestor's 专题 (its reviewers
    decide, as for any 报送), however many levels up."""
    require(may_submit_from(user, node), "只有本站成员可以报送稿件。")
    require(story.origin_node_id == node.pk, "只能报送本站自己的稿件。")
    topic = next((t for t in open_topics(node) if t.key == topic_key), None)
    if topic is None:
        raise SyndicationError("这个专题不存在、不在本站上级或已停止征稿。")
    if not story.is_live:
        raise SyndicationError("稿件公开发布后才能报送（未发布或设置了访问限制的稿件不能报送）。")
    try:
        return _open_hop(user=user, node=node, parent=topic.node, story=story, note=note,
                         topic=topic)  # fmt: skip
    except IntegrityError:
        raise _already_sent(story, topic.node) from None


def _open_hop(*, user, node, parent, story, note, topic=None) -> Submission:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(story=story, to_node=parent)
        submission = submission.first()
        if submission is not None and submission.state != SubmissionState.RETURNED:
            raise _already_sent(story, parent)
        if submission is None:
            submission = Submission(story=story, from_node=node, to_node=parent)
        # a returned story may be corrected and sent again: the same hop, reopened
        submission.submitted_by = user
        submission.note = note[:255]
        submission.topic_page_id = topic.column_id if topic else None
        submission.topic_title = topic.title if topic else ""
        submission.state = SubmissionState.QUEUED
        submission.reason = ""
        submission.decided_by = submission.decided_at = submission.delivered_at = None
        submission.save()
        where = f"报送{parent.name}" + (f"专题“{topic.title}”" if topic else "")
        audit.record(story, node, user, AuditAction.SUBMITTED, where)
        enqueue(DeliveryKind.SUBMIT, story, submission=submission)
    return submission


def deliver_submission(delivery) -> None:
    """Put a queued submission into the parent's inbox and tell its reviewers."""
    submission = delivery.submission
    refresh_snapshot(delivery.story)
    if submission.state != SubmissionState.QUEUED:
        return
    submission.state = SubmissionState.PENDING
    submission.delivered_at = timezone.now()
    submission.save(update_fields=["state", "delivered_at"])
    reviewers = accounts_with_roles(submission.to_node, [Role.REVIEWER, Role.WEBMASTER])
    queue_notice(
        delivery,
        reviewers,
        f"【待审核】{submission.from_node.name}报送：{submission.story.title}",
        f"{submission.from_node.name}报送了稿件《{submission.story.title}》，"
        f"请登录{submission.to_node.name}后台的“报送审核”处理。",
        node=submission.to_node,
    )


def decide(*, user, submission: Submission, action: str, column=None, reason="") -> Submission:
    """采用 (accept), 退稿 (return) or 采用并再报送 (accept and forward). Without a
    column, an accepted story goes to the column 栏目映射 names for its origin column."""
    require(may_review_at(user, submission.to_node), "只有接收站点的审核员或站长可以处理报送。")
    if action not in ("accept", "return", "forward"):
        raise SyndicationError("未知的审核操作。")
    if action in ("accept", "forward"):
        if column is None:
            column = mapped_column(submission.to_node, submission.story.origin_column_title)
            if column is None:
                raise SyndicationError("这篇稿件的来源栏目没有映射，采用时请选择栏目。")
        require(column_belongs_to(column, submission.to_node), "采用栏目必须是本站的栏目。")
    if action == "return" and not reason.strip():
        raise SyndicationError("退稿时请填写退稿原因。")
    if action == "forward" and submission.to_node.is_root():
        raise SyndicationError("本站是最高一级，不能再报送。")
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.state != SubmissionState.PENDING:
            raise SyndicationError(f"这篇报送已处理，状态：{locked.get_state_display()}。")
        if not locked.story.is_live:
            raise SyndicationError("这篇稿件的原稿未公开或已撤稿，不能再处理。")
        locked.decided_by = user
        locked.decided_at = timezone.now()
        if action == "return":
            locked.state = SubmissionState.RETURNED
            locked.reason = reason.strip()[:255]
            event = (AuditAction.RETURNED, locked.reason)
        else:
            locked.state = SubmissionState.ACCEPTED
            locked.column_page_id = column.pk
            locked.column_title = column.title
            locked.forward = action == "forward"
            event = (
                AuditAction.FORWARDED if locked.forward else AuditAction.ACCEPTED,
                f"采用到“{column.title}”",
            )
        locked.save()
        audit.record(locked.story, locked.to_node, user, *event)
        if locked.state == SubmissionState.ACCEPTED:
            events.story_accepted.send(sender=Submission, node=locked.to_node)
        enqueue(DeliveryKind.DECISION, locked.story, submission=locked)
    return locked


def carry_out_decision(delivery) -> None:
    """Points, the next hop and the author's receipt for a decided submission."""
    submission = delivery.submission
    story = delivery.story
    if submission.state == SubmissionState.ACCEPTED:
        award_points(submission)
        if submission.forward:
            _forward(submission)
    recipients = accounts_with_roles(story.origin_node, [Role.WEBMASTER])
    if story.created_by is not None:
        recipients.append(story.created_by)
    verdict = submission.get_state_display()
    detail = f"退稿原因：{submission.reason}" if submission.reason else submission.column_title
    queue_notice(
        delivery,
        recipients,
        f"【{verdict}】{submission.to_node.name}：{story.title}",
        f"《{story.title}》在{submission.to_node.name}{verdict}。{detail}",
        node=story.origin_node,
    )


def _forward(submission: Submission) -> None:
    parent = submission.to_node.get_parent()
    if parent is None:
        return
    nxt, created = Submission.objects.get_or_create(
        story=submission.story,
        to_node=parent,
        defaults={
            "from_node": submission.to_node,
            "previous": submission,
            "submitted_by": submission.decided_by,
            "note": f"由{submission.to_node.name}再报送",
        },
    )
    if created:
        audit.record(
            submission.story,
            submission.to_node,
            submission.decided_by,
            AuditAction.SUBMITTED,
            f"再报送{parent.name}",
        )
        enqueue(DeliveryKind.SUBMIT, submission.story, submission=nxt)


__all__ = ["SyndicationDenied", "column_belongs_to", "columns_of"]
