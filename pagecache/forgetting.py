"""What each kind of change makes stale, named for the change.

Called from the handlers in pagecache.signals: page, settings and tree changes, and
what the syndication workflow announces (syndication.events).
"""

from django.db import connection

from network.generations import (
    forget_network,
    forget_site,
    forget_subtree,
    now_and_on_commit,
    page_cache,
)
from network.models import Node
from network.mourning import CACHE_KEY as MOURNING_FLAG
from sites.lookup import node_of_page


def page_changed(page) -> None:
    """A page was published, unpublished, moved or deleted: its site's pages go."""
    try:
        node = node_of_page(page)
    except Node.DoesNotExist:
        return
    forget_site(node)


def network_content_changed() -> None:
    forget_network()


def mourning_flag_changed() -> None:
    """network.mourning keeps the flag in the page cache between changes."""
    now_and_on_commit(lambda: page_cache().delete(MOURNING_FLAG))


def nodes_added_or_removed(nodes) -> None:
    """Each parent's site lists its child sites (parents in the same batch are new)."""
    paths = {node.path for node in nodes}
    parent_paths = {node.path[: -node.steplen] for node in nodes} - paths - {""}
    for parent in Node.objects.filter(path__in=parent_paths):
        forget_site(parent)


def site_settings_changed(site_id: int) -> None:
    """A site's name, logo, colours or footer changed; run in the site's schema."""
    # Site ids are per schema: the schema says whose.
    node = Node.objects.filter(site_id=site_id, tenant__schema_name=connection.schema_name).first()
    if node is not None:
        forget_site(node)


def pushed_news_changed(from_node) -> None:
    """上级要闻 of every site below the pushing one."""
    forget_subtree(from_node)


def story_accepted_at(node) -> None:
    """The accepting site's column and 基层动态; the province's choice is 全网头条."""
    if node.is_root():
        forget_network()
    else:
        forget_site(node)


def story_hidden_or_shown_at(node) -> None:
    forget_site(node)


def story_changed_everywhere() -> None:
    """A story's text or state changed: it may show on any site."""
    forget_network()
