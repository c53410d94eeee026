"""Where a story shows: the one question every public view of it asks."""

from .pushing import pushes_reaching
from .submitting import accepted_for


def is_shown_at(story, node) -> bool:
    if not story.is_live:
        return False
    return (
        pushes_reaching(node).filter(story=story).exists()
        or accepted_for(node).filter(story=story).exists()
    )
