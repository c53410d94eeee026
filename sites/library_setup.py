"""资料中心's default categories, made when a library column is created (the admin
hook in sites.wagtail_hooks, provisioning and the demo call this)."""

from .library import DEFAULT_CATEGORIES
from .models import ColumnPage


def add_default_categories(library) -> int:
    """The four default categories under an empty library; none if it has any."""
    if library.kind != "library" or library.get_children().exists():
        return 0
    for title in DEFAULT_CATEGORIES:
        library.add_child(instance=ColumnPage(title=title, kind="news", show_in_menus=True))
    return len(DEFAULT_CATEGORIES)
