"""Network-wide content every site shows: the 专题 campaign banner and alliance links.

Both live in the public schema, so the province places them once for every site.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel


class Campaign(models.Model):
    title = models.CharField("专题名称", max_length=100)
    subtitle = models.CharField("副标题", max_length=200, blank=True)
    link = models.URLField("专题链接", blank=True)
    # Pillow checks the file is really an image (forms.ImageField); nothing else is kept.
    image = models.ImageField("横幅图片", upload_to="campaigns/", blank=True)
    starts_at = models.DateTimeField("开始时间", default=timezone.now)
    ends_at = models.DateTimeField("结束时间", null=True, blank=True)
    active = models.BooleanField("启用", default=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("subtitle"),
        FieldPanel("link"),
        FieldPanel("image"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "专题横幅"
        verbose_name_plural = "专题横幅"
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title


def current_campaign() -> Campaign | None:
    now = timezone.now()
    return (
        Campaign.objects.filter(active=True, starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .first()
    )


class AllianceLink(models.Model):
    """党网联盟: a link every site lists (the seeds' 友情链接 to sister party sites)."""

    name = models.CharField("名称", max_length=50)
    url = models.URLField("网址")
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = "联盟链接"
        verbose_name_plural = "联盟链接"
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name
