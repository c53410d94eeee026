"""What reaches a node, and where a story shows: the read side of syndication.

Reads the ledger only (models, no workflow), so the shared blocks, the page types
and the views can ask it without importing the services that change the ledger.
Every block that lists a story links to `/syndicated/<uuid>/` on the reader's own
site, so `is_shown_at` answers yes wherever a block can list it: pushed to the site
(上级要闻), accepted by it (基层动态, its columns), or accepted by the province
(全网头条, on every site).
"""

import heapq
from collections.abc import Sequence
from datetime import UTC, datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property

from network.models import Node

from .models import Hide, Push, Story, StoryState, Submission, SubmissionState


def pushes_reaching(node: Node, *, include_hidden=False):
    """Live, delivered, unexpired pushes from the node's ancestors whose scope holds it.

    One query whatever the size of the network: the scope is matched against the
    node's own ancestor paths and level.
    """
    ancestors = node.ancestor_paths()
    now = timezone.now()
    pushes = (
        Push.objects.filter(
            from_node__path__in=ancestors,
            delivered_at__isnull=False,
            withdrawn_at__isnull=True,
            story__state=StoryState.LIVE,
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .filter(Q(levels=[]) | Q(levels__contains=[node.level]))
        .filter(Q(branch_paths=[]) | Q(branch_paths__overlap=[*ancestors, node.path]))
    )
    if not include_hidden:
        hidden = Hide.objects.filter(node=node, story=OuterRef("story"))
        pushes = pushes.exclude(Q(mandatory=False) & Exists(hidden))
    return pushes.select_related("story__origin_node", "from_node")


def pushed_news_for(node: Node, limit: int = 8) -> list[Push]:
    """上级要闻: pinned first, then newest; one entry per story."""
    seen, news = set(), []
    for push in pushes_reaching(node).order_by("-pinned", "-created_at")[: limit * 2]:
        if push.story_id not in seen:
            seen.add(push.story_id)
            news.append(push)
    return news[:limit]


def inbox_for(node: Node, states=(SubmissionState.PENDING,)):
    return (
        Submission.objects.filter(to_node=node, state__in=states)
        .select_related("story__origin_node", "from_node", "submitted_by", "decided_by")
        .order_by("-delivered_at", "-created_at")
    )


def sent_from(node: Node):
    """Receipts: every hop of every story that started at this node."""
    return (
        Submission.objects.filter(story__origin_node=node)
        .select_related("story", "from_node", "to_node", "decided_by", "submitted_by")
        .order_by("story_id", "created_at")
    )


def lineage(story) -> list[Submission]:
    """The hops of a story in order: village → township → county → ..."""
    return list(
        story.submissions.select_related("from_node", "to_node", "decided_by").order_by(
            "created_at", "pk"
        )
    )


def accepted_for(node: Node):
    """基层动态: stories this node accepted from below and still shows."""
    hidden = Hide.objects.filter(node=node, story=OuterRef("story"))
    return (
        Submission.objects.filter(
            to_node=node, state=SubmissionState.ACCEPTED, story__state=StoryState.LIVE
        )
        .exclude(Exists(hidden))
        .select_related("story", "story__origin_node")
        .order_by("-decided_at")
    )


def accepted_by_the_root():
    """What the province (the root) accepted: 全网头条, shown on every site."""
    return Submission.objects.filter(
        to_node__depth=1, state=SubmissionState.ACCEPTED, story__state=StoryState.LIVE
    )


def network_top(count: int) -> list:
    """全网头条: the stories the province accepted most recently."""
    accepted = accepted_by_the_root().select_related("story__origin_node").order_by("-decided_at")
    return [submission.story for submission in accepted[:count]]


def is_shown_at(story, node) -> bool:
    if not story.is_live:
        return False
    return (
        accepted_by_the_root().filter(story=story).exists()
        or pushes_reaching(node).filter(story=story).exists()
        or accepted_for(node).filter(story=story).exists()
    )


# --- A column's list: its own articles and the stories accepted into it ---------------
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def stories_in_columns(node, column_ids):
    """Live stories the node accepted into any of these columns (a subquery is fine)."""
    hidden = Hide.objects.filter(node=node, story=OuterRef("pk"))
    return (
        Story.objects.filter(
            state=StoryState.LIVE,
            submissions__to_node=node,
            submissions__state=SubmissionState.ACCEPTED,
            submissions__column_page_id__in=column_ids,
        )
        .exclude(Exists(hidden))
        .select_related("origin_node")
        .order_by("-date", "-pk")
    )


class MergedListing(Sequence):
    """Two date-ordered querysets read as one, for Django's Paginator.

    A page at offset n reads at most n + page size rows from each; columns are read
    from the start far more often than deep.
    """

    def __init__(self, articles, stories):
        self.articles = articles
        self.stories = stories

    @cached_property
    def _count(self):
        return self.articles.count() + self.stories.count()

    def __len__(self):
        return self._count

    def count(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        stop = index.stop if index.stop is not None else self._count
        merged = heapq.merge(
            self.articles[:stop],
            self.stories[:stop],
            key=lambda item: item.date or _EPOCH,
            reverse=True,
        )
        return list(merged)[index]
