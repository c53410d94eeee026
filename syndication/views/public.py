"""A syndicated story read on a receiving site, in that site's theme and navigation."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html

from readership.counting import views_of
from readership.middleware import count_view_of

from ..models import Story
from ..reach import is_shown_at
from ..stories import body_for, origin_url


def story_page(request, uuid):
    node = getattr(request, "node", None)
    story = get_object_or_404(Story.objects.select_related("origin_node"), uuid=uuid)
    if node is None:
        raise Http404
    if story.origin_node_id == node.pk and story.is_live:
        return redirect(story.origin_path or "/")
    if not is_shown_at(story, node):
        raise Http404
    url = origin_url(story, request)
    source = format_html('<a href="{}">{}</a>', url, story.origin_node.name)
    if story.source and story.source != story.origin_node.name:
        source = format_html("{}（{}）", source, story.source)
    context = {
        "story": story,
        "body": body_for(story, request),
        "origin_url": url,
        "source_html": source,
        # Read anywhere, counted once: the origin article's own count.
        "views": views_of(story.origin_node_id, story.origin_page_id),
    }
    response = render(request, "syndication/story_page.html", context)
    return count_view_of(response, story.origin_node, story.origin_page_id)
