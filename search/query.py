"""Searching the index: one site or the whole network, with filters and snippets."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from .models import SearchEntry
from .text import grams_query, highlight, normalise, origin_of, query_words, words_query

SNIPPET_CHARS = 120
# Relevance ordering ranks this many of the newest matches; counts stop at COUNT_CAP.
RANKED_CANDIDATES = 200
COUNT_CAP = 1000


@dataclass
class Search:
    q: str
    node: object | None = None  # None: the whole network
    levels: list[str] = field(default_factory=list)
    column_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    newest_first: bool = False

    def matches(self):
        """Every matching entry, unordered."""
        tsquery = grams_query(self.q)
        if tsquery is None:
            return SearchEntry.objects.none()
        entries = SearchEntry.objects.filter(
            RawSQL("grams @@ %s::tsquery", [tsquery], output_field=BooleanField())
        )
        if self.node is not None:
            entries = entries.filter(node=self.node)
        else:
            entries = entries.filter(network_visible=True)
        if self.levels:
            entries = entries.filter(level__in=self.levels)
        if self.column_id:
            entries = entries.filter(column_page_id=self.column_id)
        if self.date_from:
            entries = entries.filter(date__date__gte=self.date_from)
        if self.date_to:
            entries = entries.filter(date__date__lte=self.date_to)
        return entries

    def total(self) -> int:
        """How many match, counted up to COUNT_CAP + 1 (more shows as "1000+")."""
        return self.matches()[: COUNT_CAP + 1].count()

    def entries(self):
        """The matches in display order: newest first, or the most relevant of the
        newest RANKED_CANDIDATES (titles first, then whole dictionary words)."""
        tsquery = grams_query(self.q)
        if tsquery is None:
            return SearchEntry.objects.none()
        newest = self.matches().order_by("-date", "-pk")
        if self.newest_first:
            return newest.select_related("node").defer("grams", "words")
        # Rank only the newest matches: a common word matches most of the network, and
        # ranking every match would read every match's vectors (see the benchmark).
        candidates = newest.values("pk")[:RANKED_CANDIDATES]
        words = words_query(self.q) or tsquery
        ranked = SearchEntry.objects.filter(pk__in=candidates).select_related("node")
        return (
            ranked.defer("grams", "words")
            .annotate(
                in_title=RawSQL(
                    "grams @@ %s::tsquery", [grams_query(self.q, "A")], output_field=BooleanField()
                ),
                rank=RawSQL(
                    "ts_rank(grams, %s::tsquery) + ts_rank(words, %s::tsquery)",
                    [tsquery, words],
                    output_field=FloatField(),
                ),
            )
            .order_by("-in_title", "-rank", "-date", "-pk")
        )


class CappedCount:
    """A result list with a count known beforehand (Search.total, capped): an exact
    count of a word found in most of 200,000 articles costs more than the page."""

    def __init__(self, results, count: int):
        self.results = results
        self._count = count

    def count(self) -> int:
        return self._count

    __len__ = count

    def __getitem__(self, index):
        return self.results[index]


def snippet(entry, q: str) -> str:
    """A piece of the text around the first hit, the query's words marked."""
    text = entry.text or entry.summary or ""
    folded = normalise(text)
    hits = [folded.find(word) for word in query_words(q) if word and word in folded]
    first = origin_of(text, min(hits)) if hits else 0
    start = max(0, first - SNIPPET_CHARS // 3)
    piece = text[start : start + SNIPPET_CHARS].replace("\n", " ")
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_CHARS < len(text) else ""
    return prefix + highlight(piece, q) + suffix


def title_html(entry, q: str) -> str:
    return highlight(entry.title, q)
