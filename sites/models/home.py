from collections import defaultdict

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from shared_blocks.blocks import SharedBlocks

from ..variants import variant_for
from ..visibility import public_pages
from .article import ArticlePage
from .column import ARTICLES_PER_PAGE, ColumnPage
from .mixins import FeedMixin, PinyinSlugMixin

NEWEST_FIRST = (F("date").desc(), F("pk").desc())
LATEST_ON_PORTAL = 8  # 要闻 beside the 图片新闻 carousel
VIDEOS_ON_PORTAL = 4


class HomePage(RoutablePageMixin, FeedMixin, PinyinSlugMixin, Page):
    """The root page of one node's site."""

    # The node this site belongs to; a code, not a key: nodes live in the public schema.
    node_code = models.CharField("节点代码", max_length=12, editable=False, db_index=True)
    intro = models.TextField("站点简介", blank=True)
    shared_blocks = StreamField(
        SharedBlocks(),
        verbose_name="共享板块",
        blank=True,
        help_text="上级要闻、基层动态、全网头条、专题横幅和党网联盟的排列；留空则用全网统一的默认排列。",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("shared_blocks")]

    # indexed by sites.admin_indexing, in batches while a site is built
    search_auto_update = False

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["xfsites.ColumnPage"]
    # A site's home is made with its node (provisioning), never in the admin: a county
    # webmaster holds rights on its schema's root page (network.roles).
    is_creatable = False

    class Meta:
        verbose_name = "站点首页"
        verbose_name_plural = "站点首页"

    @property
    def columns(self):
        return public_pages(ColumnPage.objects.child_of(self)).in_menu()

    @property
    def articles(self):
        return public_pages(ArticlePage.objects.descendant_of(self)).order_by("-date", "-pk")

    @property
    def videos(self):
        """Articles with a video in their text, newest first (the portal's 视频 section)."""
        return self.articles.filter(body__contains=[{"type": "video"}]).select_related(
            "cover_image"
        )

    def latest_by_column(self, columns, count: int) -> dict[str, list]:
        """The newest `count` public articles under each column (its sub-columns
        included), in one query: ranked within each column's branch of the tree."""
        if not columns:
            return {}
        width = len(columns[0].path)  # the columns are siblings: one depth
        branch = Substr("path", 1, width)
        ranked = self.articles.annotate(
            column_path=branch,
            rank=Window(RowNumber(), partition_by=[branch], order_by=[*NEWEST_FIRST]),
        ).filter(column_path__in=[column.path for column in columns], rank__lte=count)
        latest = defaultdict(list)
        for article in ranked:
            latest[article.column_path].append(article)
        return latest

    def column_blocks(self, variant) -> list[tuple]:
        columns = list(self.columns)
        latest = self.latest_by_column(columns, variant.latest_per_column)
        return [(column, latest.get(column.path, [])) for column in columns]

    def get_context(self, request, *args, **kwargs):
        # Lazy: the template asks for each only when its cached fragment is missing.
        context = super().get_context(request, *args, **kwargs)
        node = getattr(request, "node", None)
        variant = variant_for(node)
        context["variant"] = variant
        context["column_blocks"] = SimpleLazyObject(lambda: self.column_blocks(variant))
        # 头条: the articles this site leads with (pinned first), then the newest, with a picture.
        context["headlines"] = (
            self.articles.filter(cover_image__isnull=False)
            .select_related("cover_image")
            .order_by("-is_headline", "-date", "-pk")[: variant.headlines]
        )
        if variant.portal:
            context["latest"] = SimpleLazyObject(lambda: list(self.articles[:LATEST_ON_PORTAL]))
            context["videos"] = SimpleLazyObject(lambda: list(self.videos[:VIDEOS_ON_PORTAL]))
        if node is not None and variant.child_sites:
            context["child_sites"] = SimpleLazyObject(
                lambda: [
                    (child, child.absolute_url("/", request))
                    for child in node.get_children().prefetch_related("domains")
                ]
            )
        return context

    @path("tags/<str:tag>/", name="tag")
    def tag_page(self, request, tag):
        """Every article of this site with one tag."""
        articles = self.articles.filter(tags__name=tag).select_related("cover_image")
        page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        if not page_obj.paginator.count:
            raise Http404("没有这个标签的文章")
        context = {"tag": tag, "page_obj": page_obj}
        return self.render(request, context_overrides=context, template="xfsites/tag_page.html")
