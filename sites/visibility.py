"""Whether an anonymous reader may open a page: the one rule every public path asks.

A page is public when it is live, every page above it on its site is live, and
neither it nor any page above it carries a view restriction (password, login or
groups: Wagtail's 隐私 setting). Listings, feeds, the sitemap, navigation, search
indexing and the syndication snapshot all decide with this module, so a page that
stops being public leaves every one of them at once, and comes back when it is
public again.

The test runs inside the listing's own query (an EXISTS over the page's ancestors
found by their tree paths, which are indexed), so it adds no round trip.
"""

from django.db.models import Exists, Func, OuterRef, Q, QuerySet
from wagtail.models import Page, PageViewRestriction


class _SelfAndAncestorPaths(Func):
    """A subquery of the tree paths of a page and each page above it."""

    template = (
        "(SELECT substr(%(expressions)s, 1, n) "
        "FROM generate_series(%(step)s, length(%(expressions)s), %(step)s) AS n)"
    )

    def __init__(self, path_expression):
        super().__init__(path_expression, step=Page.steplen)


def closed_q() -> Q:
    """Matches pages an anonymous reader may not open (for `.exclude()`, as an outer
    query's filter; the outer query's rows are pages or page subclasses)."""
    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    closed_above_or_here = Page.objects.filter(
        path__in=_SelfAndAncestorPaths(OuterRef("path"))
    ).filter(Q(live=False) | Exists(restricted))
    return Q(Exists(closed_above_or_here))


def public_pages(queryset: QuerySet) -> QuerySet:
    """The pages of `queryset` an anonymous reader may open."""
    return queryset.live().exclude(closed_q())


def is_public_document(document) -> bool:
    """A document an anonymous reader may download: its collection, and every one
    above it, carries no view restriction (password, login, groups)."""
    return document is not None and not document.collection.get_view_restrictions().exists()


def is_public(page) -> bool:
    if not page.live:
        return False
    return public_pages(Page.objects.filter(pk=page.pk)).exists()
