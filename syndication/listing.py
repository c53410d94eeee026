"""A column's list: its own articles and the stories accepted into it, newest first."""

import heapq
from collections.abc import Sequence
from datetime import UTC, datetime

from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property

from .models import Hide, Story, StoryState, SubmissionState

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
