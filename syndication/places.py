"""Where a story shows: the one question every public view of it asks.

Every block that lists a story links to `/syndicated/<uuid>/` on the reader's own
site, so a story is shown wherever a block can list it: pushed to the site (上级要闻),
accepted by it (基层动态, its columns), or accepted by the province (全网头条, on
every site).
"""

from .pushing import pushes_reaching
from .submitting import accepted_by_the_root, accepted_for


def is_shown_at(story, node) -> bool:
    if not story.is_live:
        return False
    return (
        accepted_by_the_root().filter(story=story).exists()
        or pushes_reaching(node).filter(story=story).exists()
        or accepted_for(node).filter(story=story).exists()
    )
