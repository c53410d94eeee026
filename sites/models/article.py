from django.db import models
from django.db.models import Q
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from readership.counting import views_of
from readership.middleware import count_view_of

from ..blocks import ArticleBodyBlock
from ..visibility import is_public_document, public_pages
from .mixins import (
    BylineMixin,
    CoverImageMixin,
    HeadlineMixin,
    PinyinSlugMixin,
    PublicityPeriodMixin,
    PublishDateMixin,
    SummaryMixin,
)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "xfsites.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(
    PublishDateMixin,
    PublicityPeriodMixin,
    BylineMixin,
    SummaryMixin,
    CoverImageMixin,
    HeadlineMixin,
    PinyinSlugMixin,
    Page,
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
        *HeadlineMixin.panels,
        *PublicityPeriodMixin.panels,
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

    @property
    def top_column_title(self) -> str:
        """The site's own column holding the article, however deep (通知公告 …): homes
        sit under the root, so their columns are at depth 3."""
        top = Page.objects.ancestor_of(self).filter(depth=3).only("title").first()
        return top.title if top is not None else ""

    @property
    def attachments(self):
        """The files attached in the body, listed again under the article: those an
        anonymous reader may download."""
        return [
            block.value
            for block in self.body
            if block.block_type == "attachment" and is_public_document(block.value["document"])
        ]

    def siblings_around(self):
        """(previous, next) public articles of the same column by date: 上一篇, 下一篇."""
        siblings = public_pages(ArticlePage.objects.sibling_of(self, inclusive=False)).only(
            "title", "url_path", "date"
        )
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return (
            siblings.filter(older).order_by("-date", "-pk").first(),
            siblings.filter(newer).order_by("date", "pk").first(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        node = getattr(request, "node", None)
        context["views"] = views_of(node.pk, self.pk) if node else 0
        context["previous"], context["next"] = self.siblings_around()
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        node = getattr(request, "node", None)
        return count_view_of(response, node, self.pk) if node else response
