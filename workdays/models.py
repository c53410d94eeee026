"""The working-day calendar the centre edits: Monday to Friday work, except the days
marked here (a public holiday on a weekday, a weekend made a working day by 调休)."""

from django.core.cache import caches
from django.db import models
from wagtail.admin.panels import FieldPanel


def shared_cache():
    """The network-wide cache (the "pages" alias, keyed without the schema): the
    default cache's keys carry the schema, so a change made on one site's host went
    unseen on the others until the entry expired."""
    return caches["pages"]


CALENDAR_CACHE_KEY = "workdays:marked"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假（节假日）"
    WORKDAY = "workday", "上班（调休）"


class CalendarDay(models.Model):
    day = models.DateField("日期", unique=True)
    kind = models.CharField("安排", max_length=8, choices=DayKind.choices)
    name = models.CharField("名称", max_length=50, blank=True, help_text="例如：国庆节")

    panels = [FieldPanel("day"), FieldPanel("kind"), FieldPanel("name")]

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        shared_cache().delete(CALENDAR_CACHE_KEY)  # workdays.calendar reads the days through it

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        shared_cache().delete(CALENDAR_CACHE_KEY)
        return result
