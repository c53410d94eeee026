"""Who keeps a node's videos: those who write its pages."""

from network.roles import user_may_edit_content

from .models import Video, VideoState


def may_keep_videos(user, node) -> bool:
    return node is not None and user_may_edit_content(user, node)


def choosable(node):
    """Videos a site's editors may place: ready, and the site's own or a site's
    above it (a county's upload serves its villages)."""
    paths = [*node.ancestor_paths(), node.path]
    return Video.objects.filter(node__path__in=paths, state=VideoState.READY)
