from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from shared_blocks.blocks import SharedBlocks

from .mixins import PinyinSlugMixin

LATEST_PER_COLUMN = 6


class HomePage(PinyinSlugMixin, Page):
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

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["xfsites.ColumnPage"]

    class Meta:
        verbose_name = "站点首页"
        verbose_name_plural = "站点首页"

    @property
    def columns(self):
        from .column import ColumnPage

        return ColumnPage.objects.child_of(self).live().in_menu()

    def get_context(self, request, *args, **kwargs):
        from .article import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        columns = list(self.columns)
        context["column_blocks"] = [
            (
                column,
                ArticlePage.objects.live()
                .descendant_of(column)
                .order_by("-date")[:LATEST_PER_COLUMN],
            )
            for column in columns
        ]
        context["headlines"] = (
            ArticlePage.objects.live()
            .descendant_of(self)
            .filter(cover_image__isnull=False)
            .select_related("cover_image")
            .order_by("-date")[:4]
        )
        return context
