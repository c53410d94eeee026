from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ArticleBodyBlock
from .mixins import BylineMixin, CoverImageMixin, PinyinSlugMixin, PublishDateMixin, SummaryMixin


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "xfsites.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(
    PublishDateMixin, BylineMixin, SummaryMixin, CoverImageMixin, PinyinSlugMixin, Page
):
    """A news item or notice in a column."""

    body = StreamField(ArticleBodyBlock(), verbose_name="正文", blank=True)
    tags = ClusterTaggableManager("标签", through=ArticleTag, blank=True)

    content_panels = [
        *Page.content_panels,
        *PublishDateMixin.panels,
        *BylineMixin.panels,
        *SummaryMixin.panels,
        *CoverImageMixin.panels,
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["xfsites.ColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"

    @property
    def column(self):
        return self.get_parent().specific
