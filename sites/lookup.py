"""Which node's site a page belongs to (several sites share a county's schema)."""

from network.models import Node


def home_path(node: Node) -> str:
    """The tree path of the node's home page; run in the node's schema."""
    from wagtail.models import Page

    return Page.objects.only("path").get(pk=node.root_page_id).path


def is_article(page_class) -> bool:
    from .models import ArticlePage

    return page_class is not None and issubclass(page_class, ArticlePage)


def node_of_page(page) -> Node:
    """The node whose site holds this page; run in the page's schema."""
    from .models import HomePage

    home = HomePage.objects.ancestor_of(page, inclusive=True).only("node_code").first()
    if home is None:
        raise Node.DoesNotExist(f"page {page.pk} is in no node's site")
    return Node.objects.select_related("tenant").get(code=home.node_code)
