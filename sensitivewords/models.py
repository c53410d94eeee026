"""The network's one list of sensitive words (错敏词), kept by the province: a blocking
word refuses a public post with the word shown; a warning word sends it to moderation."""

from django.core.cache import caches
from django.db import models
from wagtail.admin.panels import FieldPanel


def shared_cache():
    """The network-wide cache (the "pages" alias, keyed without the schema): the
    default cache's keys carry the schema, so a change made on one site's host went
    unseen on the others until the entry expired."""
    return caches["pages"]


# Bumped on every change: each process rebuilds its automaton when it differs.
VERSION_CACHE_KEY = "sensitivewords:version"


class WordKind(models.TextChoices):
    BLOCK = "block", "禁止（拒绝发布）"
    WARN = "warn", "提示（转人工审核）"


class SensitiveWord(models.Model):
    word = models.CharField("词语", max_length=50, unique=True)
    kind = models.CharField("处理方式", max_length=8, choices=WordKind.choices)
    note = models.CharField("备注", max_length=100, blank=True)
    changed_at = models.DateTimeField("修改时间", auto_now=True)

    panels = [FieldPanel("word"), FieldPanel("kind"), FieldPanel("note")]

    class Meta:
        verbose_name = "错敏词"
        verbose_name_plural = "错敏词"
        ordering = ["word"]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip()
        super().save(*args, **kwargs)
        list_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        list_changed()
        return result


def list_changed() -> None:
    """Every process's automaton is rebuilt on its next check (sensitivewords.checking)."""
    shared_cache().delete(VERSION_CACHE_KEY)
