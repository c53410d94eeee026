"""The search index: one row per live public article of any site, in the public
schema, so one query serves a single site (by node) or the whole network."""

import re

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel

from network.levels import Level
from network.models import Node


class SearchEntry(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="search_entries")
    page_id = models.PositiveIntegerField()
    level = models.CharField(max_length=10, choices=Level.choices)
    column_page_id = models.PositiveIntegerField(null=True)
    column_title = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255)
    # The title normalised with separators dropped: an exact title ranks first.
    title_key = models.CharField(max_length=255, blank=True, default="")
    url_path = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    date = models.DateTimeField(null=True)
    # Title bigrams weighted A, body bigrams B (see search.text); one GIN index.
    grams = SearchVectorField()
    # Dictionary words: documents holding the query's words apart (党员 … 学习).
    words = SearchVectorField()
    # The title alone: its bigrams, 拼音 syllables and 首字母 (search.pinyin); small
    # enough to stay inline, so the title pass never reads the body's vectors.
    title_vector = SearchVectorField(default="")
    # Hidden from network-wide results (the story was revoked, 撤稿).
    network_visible = models.BooleanField(default=True)
    dictionary_version = models.CharField(max_length=12)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"
        constraints = [
            models.UniqueConstraint(fields=["node", "page_id"], name="one_entry_per_page")
        ]
        indexes = [
            GinIndex(fields=["grams"], name="search_grams_gin"),
            GinIndex(fields=["title_vector"], name="search_title_gin"),
            GinIndex(fields=["words"], name="search_words_gin"),
            models.Index(
                fields=["title_key"], name="search_title_key", opclasses=["text_pattern_ops"]
            ),
            models.Index(fields=["node", "-date"], name="search_node_date"),
            models.Index(fields=["level", "-date"], name="search_level_date"),
            models.Index(fields=["-date"], name="search_date"),
        ]

    def __str__(self):
        return self.title


class IndexedNode(models.Model):
    """A node whose whole site was (re)indexed with this dictionary: what
    `search reindex --resume` skips."""

    node = models.OneToOneField(Node, on_delete=models.CASCADE, related_name="+")
    dictionary_version = models.CharField(max_length=12)
    finished_at = models.DateTimeField()

    class Meta:
        verbose_name = "已索引站点"
        verbose_name_plural = "已索引站点"

    def __str__(self):
        return f"{self.node} {self.dictionary_version}"


SYNONYMS_CACHE_KEY = "xfsearch:synonyms"
SYNONYM_SEPARATORS = re.compile(r"[\s,，、;；]+")


class Synonym(models.Model):
    """Words a reader may type for one another (中组部 and 中央组织部): the province
    edits the list; a search with few results offers the other words."""

    words = models.CharField(
        "同义词",
        max_length=500,
        help_text="用逗号或空格分隔，例如：中组部，中央组织部",
        unique=True,
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    panels = [FieldPanel("words")]

    class Meta:
        verbose_name = "搜索同义词"
        verbose_name_plural = "搜索同义词"
        ordering = ["words"]

    def __str__(self):
        return self.words

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)  # search.suggest reads the list through the cache

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)
        return result

    def word_list(self) -> list[str]:
        return [word for word in SYNONYM_SEPARATORS.split(self.words) if word]


class QueryCount(models.Model):
    """How often readers searched for a query on a site on a day: 热门搜索. Nothing about
    who searched is kept; the query is stored normalised."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    query = models.CharField(max_length=100)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "搜索次数"
        verbose_name_plural = "搜索次数"
        constraints = [
            models.UniqueConstraint(fields=["node", "day", "query"], name="one_count_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="search_count_day")]

    def __str__(self):
        return f"{self.query} {self.count}"
