"""Content and syndication events reach the page cache here; what each forgets is in
pagecache.forgetting.

Deleting a live page needs no handler: Wagtail unpublishes it first (page_unpublished).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from network import events as network_events
from network.models import NetworkMode, Node
from shared_blocks.models import AllianceLink, Campaign
from sites.lookup import restricted_page
from syndication import events as syndication_events
from themes.models import SiteTheme

from . import forgetting


def on_page_changed(sender, instance, **kwargs):
    forgetting.page_changed(instance)


def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    forgetting.page_changed(parent_page_before)
    forgetting.page_changed(parent_page_after)


def on_restriction_changed(sender, instance, **kwargs):
    """A page closed to anonymous readers, or opened again: its site's listings change."""
    page = restricted_page(instance)
    if page is not None:
        forgetting.page_changed(page)


page_published.connect(on_page_changed, dispatch_uid="pagecache_published")
page_unpublished.connect(on_page_changed, dispatch_uid="pagecache_unpublished")
post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache_vr")
post_delete.connect(
    on_restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache_vr_deleted"
)


def on_network_content_changed(sender, **kwargs):
    forgetting.network_content_changed()


def on_mode_changed(sender, **kwargs):
    """Mourning switched: every page, and the flag read on every uncached view."""
    forgetting.network_content_changed()
    forgetting.mourning_flag_changed()


def on_site_settings_changed(sender, instance, **kwargs):
    forgetting.site_settings_changed(instance.site_id)


def on_nodes_added(sender, nodes, **kwargs):
    forgetting.nodes_added_or_removed(nodes)


def on_node_deleted(sender, instance, **kwargs):
    forgetting.nodes_added_or_removed([instance])


# What every site shows: the province's banner and links, and mourning mode.
post_save.connect(on_mode_changed, sender=NetworkMode, dispatch_uid="pagecache_mode_saved")
for model in (Campaign, AllianceLink):
    uid = f"pagecache_{model._meta.label_lower}"
    post_save.connect(on_network_content_changed, sender=model, dispatch_uid=f"{uid}_saved")
    post_delete.connect(on_network_content_changed, sender=model, dispatch_uid=f"{uid}_deleted")
post_save.connect(on_site_settings_changed, sender=SiteTheme, dispatch_uid="pagecache_theme")
network_events.nodes_added.connect(on_nodes_added, dispatch_uid="pagecache_nodes_added")
post_delete.connect(on_node_deleted, sender=Node, dispatch_uid="pagecache_node_deleted")


# What the syndication workflow announces (syndication.events).
def on_pushed_news_changed(sender, from_node, **kwargs):
    forgetting.pushed_news_changed(from_node)


def on_story_accepted(sender, node, **kwargs):
    forgetting.story_accepted_at(node)


def on_story_hidden_or_shown(sender, node, **kwargs):
    forgetting.story_hidden_or_shown_at(node)


def on_story_changed(sender, **kwargs):
    forgetting.story_changed_everywhere()


syndication_events.pushed_news_changed.connect(
    on_pushed_news_changed, dispatch_uid="pagecache_pushes"
)
syndication_events.story_accepted.connect(on_story_accepted, dispatch_uid="pagecache_accepted")
syndication_events.story_hidden_or_shown.connect(
    on_story_hidden_or_shown, dispatch_uid="pagecache_hidden"
)
syndication_events.story_changed.connect(on_story_changed, dispatch_uid="pagecache_story")
