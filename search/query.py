"""Searching the index: one site or the whole network, with filters, by tiers.

Relevance is a tier first, then the date: the exact title; the query in a title (or
the title's 拼音/首字母); the query in the text; then, when the query as typed finds
few, documents holding its dictionary words apart (党员 … 学习). Each tier is one
indexed query ordered by date, so every match is ranked and listed (pages read on
through the tiers) and a page costs about the same whether a word is found 20 times
or 500,000 times (tests/benchmarks/bench_search.py). By date: the query's matches
newest first, then the words-apart ones.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from . import pinyin
from .models import SearchEntry
from .text import (
    fold_with_map,
    grams_query,
    highlight,
    mark,
    normalise,
    origin_of,
    query_words,
    title_key,
    words_apart_query,
)

SNIPPET_CHARS = 120
# Counts stop here ("1000+"); pages go on past it.
COUNT_CAP = 1000
# Fewer matches than this (a page) and the words-apart documents follow.
FEW = 20

EXACT, TITLE, TEXT, WORDS_APART = "exact", "title", "text", "words_apart"
UNSHOWN = ("grams", "words", "title_vector")  # what a results page never reads


def _where(sql: str, params) -> RawSQL:
    return RawSQL(sql, params, output_field=BooleanField())


@dataclass
class Search:
    q: str
    node: object | None = None  # None: the whole network
    levels: list[str] = field(default_factory=list)
    column_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    newest_first: bool = False

    def __post_init__(self):
        self._grams = grams_query(self.q)
        self._pinyin = pinyin.pinyin_query(self.q, prefix_last=False)
        self._apart = words_apart_query(self.q)
        self._key = title_key(self.q)

    @property
    def searchable(self) -> bool:
        return self._grams is not None

    def _scope(self):
        entries = SearchEntry.objects.all()
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

    def _in_title(self) -> RawSQL:
        query = self._grams if self._pinyin is None else f"({self._grams}) | ({self._pinyin})"
        return _where("title_vector @@ %s::tsquery", [query])

    def _phrase(self) -> RawSQL:
        if self._pinyin is None:
            return _where("grams @@ %s::tsquery", [self._grams])
        return _where(
            "(grams @@ %s::tsquery OR title_vector @@ %s::tsquery)",
            [self._grams, self._pinyin],
        )

    def matches(self):
        """Every entry holding the query (or, for letters, whose title reads as it)."""
        if not self.searchable:
            return SearchEntry.objects.none()
        return self._scope().filter(self._phrase())

    def words_apart(self):
        """Entries holding the query's dictionary words, but not as typed."""
        if not self.searchable or self._apart is None:
            return SearchEntry.objects.none()
        apart = _where("words @@ %s::tsquery", [self._apart])
        return self._scope().filter(apart).exclude(self._phrase())

    def total(self) -> int:
        """How many match, counted up to COUNT_CAP + 1 (more shows as "1000+")."""
        return capped_count(self.matches(), COUNT_CAP + 1)

    def tiers(self, with_words_apart: bool) -> list[tuple[str, object]]:
        """(name, entries) in display order; each ordered newest first."""
        if not self.searchable:
            return []
        if self.newest_first:
            tiers = [(TEXT, self.matches())]
        else:
            title = self._in_title()
            exact = self._scope().filter(title_key=self._key) if self._key else None
            in_title = self._scope().filter(title)
            tiers = [
                *([(EXACT, exact)] if exact is not None else []),
                (TITLE, in_title.exclude(title_key=self._key) if self._key else in_title),
                (TEXT, self.matches().exclude(title)),
            ]
        if with_words_apart:
            tiers.append((WORDS_APART, self.words_apart()))
        return [(name, entries.order_by("-date", "-pk")) for name, entries in tiers]

    def page(self, number: int, size: int, with_words_apart: bool = False) -> "ResultPage":
        """Page `number` (from 1) through the tiers; one entry more tells whether a
        next page exists. Skipped tiers are counted only up to the offset."""
        rows, need, skip = [], size + 1, (number - 1) * size
        for name, entries in self.tiers(with_words_apart):
            if need <= 0:
                break
            got = list(entries.select_related("node").defer(*UNSHOWN)[skip : skip + need])
            if got:
                for entry in got:
                    entry.tier = name
                rows += got
                need -= len(got)
                skip = 0
            elif skip:
                skip -= capped_count(entries, skip)
        return ResultPage(number=number, size=size, rows=rows[:size], has_next=len(rows) > size)

    def entries(self) -> list:
        """Every result in display order (the tests' view of a search)."""
        found, number, apart = [], 1, self.total() < FEW
        while True:
            page = self.page(number, 200, with_words_apart=apart)
            found += page.object_list
            if not page.has_next:
                return found
            number += 1


def capped_count(entries, cap: int) -> int:
    return entries.order_by()[:cap].count()


@dataclass
class ResultPage:
    """One page of results, shaped like Django's Page for the pagination template;
    the number of pages is known only when the count is (num_pages None otherwise)."""

    number: int
    size: int
    rows: list
    has_next: bool
    total: int | None = None

    @property
    def object_list(self):
        return self.rows

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def paginator(self):
        return self

    @property
    def num_pages(self) -> int | None:
        if self.total is None:
            return None
        return max(1, -(-self.total // self.size))


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
    """The title with the query marked; for 拼音 or 首字母, the characters it reads."""
    spans = pinyin.marked_spans(entry.title, q)
    if spans:
        _, origins = fold_with_map(entry.title)
        return mark(entry.title, spans, origins)
    return highlight(entry.title, q)
