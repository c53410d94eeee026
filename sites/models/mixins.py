"""Small abstract pieces that page types are built from; each owns its fields and panels."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..forms import PinyinSlugPageForm
from ..slugs import pinyin_slug


class PinyinSlugMixin(models.Model):
    """Fills an empty slug with the title in pinyin, unique among its siblings: in the
    admin form (which knows the parent) and on save (once the page has its place)."""

    base_form_class = PinyinSlugPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # before Wagtail's own default, which would slugify the Chinese title as is
        self.fill_pinyin_slug()
        return super().save(*args, **kwargs)

    def unique_pinyin_slug(self, title, parent_page):
        base = pinyin_slug(title)
        siblings = parent_page.get_children()
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
        candidate, suffix = base, 1
        while candidate in taken:
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def fill_pinyin_slug(self):
        if not self.slug and self.title and self.path:
            self.slug = self.unique_pinyin_slug(self.title, self.get_parent())

    def full_clean(self, *args, **kwargs):
        self.fill_pinyin_slug()
        super().full_clean(*args, **kwargs)


class PublishDateMixin(models.Model):
    """The date shown to readers (发布时间); editors may back-date a news item."""

    date = models.DateTimeField("发布时间", default=timezone.now, db_index=True)

    panels = [FieldPanel("date")]

    class Meta:
        abstract = True

    @property
    def display_date(self):
        return timezone.localtime(self.date).strftime("%Y-%m-%d")


class PublicityPeriodMixin(models.Model):
    """公示期: a disclosure (党务公开, 村务公开) is 公示中 from its first to its last day,
    then archived, still readable, with a marker saying so."""

    publicity_start = models.DateField("公示开始日期", null=True, blank=True)
    publicity_end = models.DateField("公示截止日期", null=True, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("publicity_start"), FieldPanel("publicity_end")],
            heading="公示期",
            help_text="党务公开、村务公开的公示请填写起止日期（含当天）；期满后自动归档。其他文章留空。",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        start, end = self.publicity_start, self.publicity_end
        if (start is None) != (end is None):
            missing = "publicity_end" if end is None else "publicity_start"
            raise ValidationError({missing: "公示期请同时填写开始和截止日期。"})
        if start and end and end < start:
            raise ValidationError({"publicity_end": "公示截止日期不能早于开始日期。"})

    @property
    def publicity(self) -> str | None:
        """'upcoming', 'current' (公示中) or 'archived' (期满归档); None: no period."""
        if self.publicity_start is None or self.publicity_end is None:
            return None
        today = timezone.localdate()
        if today < self.publicity_start:
            return "upcoming"
        return "current" if today <= self.publicity_end else "archived"


class TopicMixin(models.Model):
    """专题: a column that is a campaign's section, with its banner, open to stories
    sent from the sites below (until the day 征稿 ends)."""

    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="专题横幅",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submissions_until = models.DateField(
        "征稿截止日期",
        null=True,
        blank=True,
        help_text="专题栏目：下级站点可报送稿件到这一天（含）；留空表示不限。",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("banner"), FieldPanel("submissions_until")],
            heading="专题设置（栏目类型为“专题”时有效）",
        )
    ]

    class Meta:
        abstract = True

    @property
    def takes_submissions(self) -> bool:
        until = self.submissions_until
        return until is None or until >= timezone.localdate()


class BylineMixin(models.Model):
    """来源 and 作者: where a story came from and who wrote it."""

    source = models.CharField("来源", max_length=100, blank=True)
    author = models.CharField("作者", max_length=100, blank=True)

    panels = [MultiFieldPanel([FieldPanel("source"), FieldPanel("author")], heading="来源与作者")]

    class Meta:
        abstract = True

    @property
    def byline(self):
        parts = []
        if self.source:
            parts.append(f"来源：{self.source}")
        if self.author:
            parts.append(f"作者：{self.author}")
        return "　".join(parts)


class SummaryMixin(models.Model):
    """A short summary for lists, feeds and search results."""

    summary = models.TextField("摘要", max_length=300, blank=True)

    panels = [FieldPanel("summary")]

    class Meta:
        abstract = True

    @property
    def teaser(self):
        return self.summary or self.search_description or ""


class CoverImageMixin(models.Model):
    """The picture shown beside the title in lists and on the home page."""

    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("cover_image")]

    class Meta:
        abstract = True

    @property
    def has_cover(self):
        return self.cover_image_id is not None


class HeadlineMixin(models.Model):
    """头条: an article the site's home page leads with, beside its cover image."""

    is_headline = models.BooleanField(
        "设为首页头条",
        default=False,
        help_text="首页头条区优先展示设为头条且有封面图片的文章。",
    )

    panels = [FieldPanel("is_headline")]

    class Meta:
        abstract = True

    @property
    def headline_label(self):
        return "头条" if self.is_headline else ""


class FeedMixin(models.Model):
    """An RSS 2.0 feed at `rss.xml` below the page (themes.feeds serves it; a slug can
    never contain a dot, so no child page can hide it)."""

    class Meta:
        abstract = True

    def feed_items(self):
        """The page's public articles (and those below it), newest first."""
        return self.articles

    @property
    def feed_path(self):
        return self.url + "rss.xml" if self.url else ""
