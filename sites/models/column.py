from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from syndication.reach import MergedListing, stories_in_columns

from ..visibility import public_pages
from .article import ArticlePage
from .mixins import FeedMixin, PinyinSlugMixin

ARTICLES_PER_PAGE = 20


class ColumnPage(FeedMixin, PinyinSlugMixin, Page):
    """A column (栏目) of a site: a list of articles, possibly with sub-columns.

    Hidden columns are the ones not shown in menus; order is the page order.
    """

    intro = models.TextField("栏目说明", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    # indexed by sites.admin_indexing, in batches while a site is built
    search_auto_update = False

    parent_page_types = ["xfsites.HomePage", "xfsites.ColumnPage"]
    subpage_types = ["xfsites.ColumnPage", "xfsites.ArticlePage"]

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    @property
    def articles(self):
        """Public articles in this column and its sub-columns, newest first."""
        return (
            public_pages(ArticlePage.objects.descendant_of(self))
            .select_related("cover_image")
            .order_by("-date", "-pk")
        )

    def listing(self, node):
        """Articles here and below, with the stories accepted into these columns."""
        if node is None:
            return self.articles
        column_ids = ColumnPage.objects.descendant_of(self, inclusive=True).values("pk")
        return MergedListing(self.articles, stories_in_columns(node, column_ids))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.listing(getattr(request, "node", None))
        context["page_obj"] = Paginator(listing, ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["sub_columns"] = public_pages(ColumnPage.objects.child_of(self)).in_menu()
        return context
