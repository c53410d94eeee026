"""The search index: one row per live public article of any site, in the public
schema, so one query serves a single site (by node) or the whole network."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from network.levels import Level
from network.models import Node


class SearchEntry(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="search_entries")
    page_id = models.PositiveIntegerField()
    level = models.CharField(max_length=10, choices=Level.choices)
    column_page_id = models.PositiveIntegerField(null=True)
    column_title = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255)
    url_path = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    date = models.DateTimeField(null=True)
    # Title bigrams weighted A, body bigrams B (see search.text); one GIN index.
    grams = SearchVectorField()
    # Dictionary words, for ranking whole-word hits above partial ones.
    words = SearchVectorField()
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
