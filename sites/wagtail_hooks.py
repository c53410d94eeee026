"""The page editor: a new 资料中心 column starts with its default categories."""

from wagtail import hooks

from .library_setup import add_default_categories


@hooks.register("after_create_page")
def library_starts_with_categories(request, page):
    if getattr(page.specific, "kind", None) == "library":
        add_default_categories(page.specific)
