"""Which node's site a page belongs to (several sites share a county's schema), and
which articles a page holds."""

from wagtail.models import Page

from network.models import Node

from .models import ArticlePage, HomePage


def home_path(node: Node) -> str:
    """The tree path of the node's home page; run in the node's schema."""
    return Page.objects.only("path").get(pk=node.root_page_id).path


def is_article(page_class) -> bool:
    return page_class is not None and issubclass(page_class, ArticlePage)


def article_ids_below(page, *, inclusive=True) -> list[int]:
    """Every article at or below a page: what a change to the page's publishing or
    openness reaches. Run in the page's schema."""
    return list(
        ArticlePage.objects.descendant_of(page, inclusive=inclusive).values_list("pk", flat=True)
    )


def restricted_page(restriction):
    """The page a view restriction is on; None once the page was deleted (a
    restriction goes with its page)."""
    return Page.objects.filter(pk=restriction.page_id).first()


def article_ids_restricted_by(restriction) -> list[int]:
    """The articles a view restriction covers (none once its page was deleted)."""
    page = restricted_page(restriction)
    return article_ids_below(page) if page is not None else []


def node_of_page(page) -> Node:
    """The node whose site holds this page; run in the page's schema."""
    home = HomePage.objects.ancestor_of(page, inclusive=True).only("node_code").first()
    if home is None:
        raise Node.DoesNotExist(f"page {page.pk} is in no node's site")
    return Node.objects.select_related("tenant").get(code=home.node_code)
