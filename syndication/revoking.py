"""撤稿 and the origin's own unpublish/delete: a story leaves every place at once.

The state change is one row in the public ledger, made in the request, so every
site stops showing the story on its next page view; points and open submissions
are settled afterwards by a delivery.
"""

from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Role
from network.roles import accounts_with_roles
from search.indexing import hide_from_network
from sites.models import ArticlePage

from . import audit, events
from .errors import SyndicationError
from .models import AuditAction, DeliveryKind, Story, StoryState, Submission, SubmissionState
from .notices import queue_notice
from .outbox import enqueue
from .permissions import may_review_at, require
from .points import revoke_points


def may_revoke(user, story: Story) -> bool:
    return may_review_at(user, story.origin_node) or (
        user.pk is not None and user.pk == story.created_by_id
    )


def revoke_story(*, user, story: Story, reason="", unpublish_origin=False) -> Story:
    """撤稿: the story leaves every other site at once. The origin article stays on its
    own site unless `unpublish_origin` (the form offers it, and says so)."""
    require(may_revoke(user, story), "只有稿件作者或来源站点的审核员、站长可以撤稿。")
    if story.state == StoryState.REVOKED:
        raise SyndicationError("这篇稿件已经撤稿。")
    with transaction.atomic():
        story.state = StoryState.REVOKED
        story.revoked_at = timezone.now()
        story.revoked_by = user
        story.revoke_reason = reason.strip()[:255]
        story.save(update_fields=["state", "revoked_at", "revoked_by", "revoke_reason"])
        audit.record(story, story.origin_node, user, AuditAction.REVOKED, story.revoke_reason)
        hide_from_network(story.origin_node, story.origin_page_id)
        events.story_changed.send(sender=Story)
        enqueue(DeliveryKind.REVOKE, story)
        if unpublish_origin:
            with schema_context(story.origin_node.tenant.schema_name):
                article = ArticlePage.objects.filter(pk=story.origin_page_id, live=True).first()
                if article is not None:
                    article.unpublish(user=user)
    return story


def carry_out_revocation(delivery) -> None:
    """Points back, open hops closed, and everyone who took the story told."""
    story = delivery.story
    told = _who_took(story)
    revoke_points(story)
    Submission.objects.filter(story=story).update(state=SubmissionState.REVOKED)
    reason = f"撤稿原因：{story.revoke_reason}。" if story.revoke_reason else ""
    queue_notice(
        delivery,
        told,
        f"【已撤稿】{story.origin_node.name}：{story.title}",
        f"《{story.title}》已由{story.origin_node.name}撤稿。{reason}"
        "它已从所有站点撤下，包括贵站采用、下发或待审的位置，无需另行处理。",
    )


def _who_took(story: Story) -> list:
    """Reviewers who accepted it or still have it to review, and whoever pushed it."""
    accounts = []
    for hop in story.submissions.select_related("decided_by", "to_node"):
        if hop.state == SubmissionState.ACCEPTED and hop.decided_by is not None:
            accounts.append(hop.decided_by)
        elif hop.state in (SubmissionState.QUEUED, SubmissionState.PENDING):
            accounts += accounts_with_roles(hop.to_node, [Role.REVIEWER, Role.WEBMASTER])
    accounts += [push.created_by for push in story.pushes.select_related("created_by")]
    return [account for account in accounts if account is not None]


def stories_of_pages_here(page_ids):
    """The stories of origin pages in the current schema (page ids are per schema),
    revoked ones left out: they stay revoked whatever their origin does."""
    return (
        Story.objects.filter(
            origin_page_id__in=page_ids, origin_node__tenant__schema_name=connection.schema_name
        )
        .exclude(state=StoryState.REVOKED)
        .select_related("origin_node__tenant")
    )


def origin_published(page, user=None) -> None:
    """The origin was (re)published: refresh every place that shows it."""
    for story in stories_of_pages_here([page.pk]):
        audit.record(story, story.origin_node, user, AuditAction.REPUBLISHED)
        enqueue(DeliveryKind.SNAPSHOT, story)


def origin_recheck(page_ids) -> None:
    """Something above the origins changed (a column published again or moved, a
    view restriction lifted): each snapshot re-reads its origin and shows it again
    if it is public (the snapshot records the change)."""
    for story in stories_of_pages_here(page_ids):
        enqueue(DeliveryKind.SNAPSHOT, story)


def origin_left(page_ids, action: str, user=None) -> None:
    """The origins were unpublished, deleted or closed to anonymous readers (a view
    restriction on them or above them): hide them everywhere now, in the request."""
    state = StoryState.DELETED if action == AuditAction.DELETED else StoryState.ORIGIN_NOT_PUBLIC
    for story in stories_of_pages_here(page_ids).exclude(state=state):
        story.state = state
        story.save(update_fields=["state"])
        audit.record(story, story.origin_node, user, action)
        events.story_changed.send(sender=Story)
