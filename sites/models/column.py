from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from syndication.reach import MergedListing, stories_in_columns

from .. import library
from ..visibility import public_pages
from .article import ArticlePage
from .mixins import FeedMixin, PinyinSlugMixin, TopicMixin

ARTICLES_PER_PAGE = 20


class ColumnKind(models.TextChoices):
    NEWS = "news", "普通栏目"
    DISCLOSURE = "disclosure", "公开栏目（带公示期）"
    TOPIC = "topic", "专题（下级站点可报送稿件）"
    RESEARCH = "research", "理论研究（党员在个人中心投稿，审核后发布）"
    LIBRARY = "library", "资料中心（文档资料：子栏目为分类，可预览、下载）"


class ColumnPage(FeedMixin, TopicMixin, PinyinSlugMixin, Page):
    """A column (栏目) of a site: a list of articles, possibly with sub-columns.

    Hidden columns are the ones not shown in menus; order is the page order.
    """

    intro = models.TextField("栏目说明", blank=True)
    kind = models.CharField(
        "栏目类型",
        max_length=12,
        choices=ColumnKind.choices,
        default=ColumnKind.NEWS,
        help_text="公开栏目（党务公开、村务公开）先列公示中的公示，期满的标注“已归档”；"
        "专题栏目有自己的横幅，下级站点可以把稿件报送到专题。",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("kind"),
        *TopicMixin.panels,
    ]

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
        if self.kind == ColumnKind.DISCLOSURE:
            context["on_notice"] = self.on_notice()
        if self.kind == ColumnKind.LIBRARY:
            context.update(self.library_context(request))
        return context

    def library_context(self, request) -> dict:
        """资料中心: filtered items with their files and downloads, the filters, and
        what the sites above shared down."""
        get, node = request.GET, getattr(request, "node", None)
        year = get.get("year") if (get.get("year") or "").isdigit() else None
        found = library.items(self, category=get.get("category"), tag=get.get("tag", ""),
                              year=year)  # fmt: skip
        page_obj = Paginator(found, ARTICLES_PER_PAGE).get_page(get.get("page"))
        return {
            "page_obj": page_obj, "items": library.rows(page_obj, node),
            "categories": library.categories(self), "years": library.years(self),
            "tags": library.tags(self), "shared": library.shared_with(node),
            "chosen": {"category": get.get("category", ""), "tag": get.get("tag", ""),
                       "year": year or ""},
        }  # fmt: skip

    def on_notice(self) -> list:
        """The disclosures here and below in their 公示期 today, ending soonest first."""
        today = timezone.localdate()
        return list(
            self.articles.filter(publicity_start__lte=today, publicity_end__gte=today).order_by(
                "publicity_end", "-date"
            )
        )
