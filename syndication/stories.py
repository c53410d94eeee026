"""The story ledger entry of an origin article, and its snapshot."""

import re

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node
from sites.library import in_library
from sites.models import ArticlePage
from sites.visibility import is_public

from . import audit, events
from .models import AuditAction, Story, StoryState

# Root-relative links in a snapshot point into the origin site (its pages, its
# documents); media and static files are served alike on every host.
_ORIGIN_LINK = re.compile(r'href="(/(?!media/|static/)[^"]*)"')


def story_for_article(article, node: Node, user=None) -> Story:
    """The article's Story, made on first use with its current snapshot."""
    story = Story.objects.filter(origin_node=node, origin_page_id=article.pk).first()
    if story is not None:
        return story
    # the author is whoever wrote the article (its owner), else whoever syndicates it
    author_id = article.owner_id or (user.pk if user is not None else None)
    story = Story(origin_node=node, origin_page_id=article.pk, created_by_id=author_id)
    _copy_article(story, article)
    # a page behind a password or login is in the ledger, but shown nowhere
    story.state = StoryState.LIVE if is_public(article) else StoryState.ORIGIN_NOT_PUBLIC
    with transaction.atomic():
        # two people syndicating the same new article at once get one story
        Story.objects.bulk_create([story], ignore_conflicts=True)
    return Story.objects.get(origin_node=node, origin_page_id=article.pk)


def refresh_snapshot(story: Story) -> Story:
    """Re-read the origin article: republished text, or withdrawn/deleted state.

    Only a public origin (sites.visibility) is copied and shown; one unpublished or
    behind a view restriction, here or on a page above it, is withdrawn everywhere.
    Idempotent; a revoked story stays revoked whatever its origin does.
    """
    node = story.origin_node
    with schema_context(node.tenant.schema_name):
        article = ArticlePage.objects.filter(pk=story.origin_page_id).first()
        public = article is not None and is_public(article)
        if public:
            _copy_article(story, article)
    before = story.state
    if before != StoryState.REVOKED:
        if article is None:
            story.state = StoryState.DELETED
        else:
            story.state = StoryState.LIVE if public else StoryState.ORIGIN_NOT_PUBLIC
    story.snapshot_at = timezone.now()
    story.save()
    if before != story.state and StoryState.LIVE in (before, story.state):
        opened = story.state == StoryState.LIVE
        action = AuditAction.REOPENED if opened else AuditAction.CLOSED
        audit.record(story, node, None, action)
    return story


def refresh_everywhere(story: Story) -> Story:
    """The origin was republished: new text on every site that shows the story."""
    refresh_snapshot(story)
    events.story_changed.send(sender=Story)
    return story


def _copy_article(story: Story, article) -> None:
    """Run in the origin's schema: the fields and rendered body a receiving site shows."""
    story.title = article.title
    story.summary = article.summary
    story.source = article.source
    story.author = article.author
    story.origin_column_title = article.top_column_title
    story.is_resource = in_library(article)
    story.date = article.date
    url_parts = article.get_url_parts()
    if url_parts is not None:
        story.origin_path = url_parts[2]
    story.body_html = render_to_string("syndication/snapshot_body.html", {"page": article})
    cover = article.cover_image
    story.cover_url = cover.get_rendition("fill-480x270").url if cover else ""
    story.snapshot_at = timezone.now()


def origin_base_url(story: Story, request) -> str:
    """The origin site's address as seen by this reader (same scheme and port)."""
    return story.origin_node.absolute_url("", request).rstrip("/")


def origin_url(story: Story, request) -> str:
    return origin_base_url(story, request) + (story.origin_path or "/")


def body_for(story: Story, request) -> str:
    base = origin_base_url(story, request)
    return _ORIGIN_LINK.sub(lambda m: f'href="{base}{m.group(1)}"', story.body_html)
