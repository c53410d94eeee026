"""Searching the index: one site or the whole network, with filters, by tiers.

Relevance is a tier first, then the date: the exact title; the query in a title (or
the title's 拼音/首字母); the query in the text; then, when the query as typed finds
few, documents holding its dictionary words apart (党员 … 学习). Every match is ranked
and listed (pages read on through the tiers): up to COUNT_CAP matches are read once
from the GIN indexes with tier and date and ordered in Python; a tier with more is
read along the date index, which holds a page within a few rows
(tests/benchmarks/bench_search.py). By date: the matches newest first, then the
words-apart ones.
"""

import json
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from django.db import connection
from django.db.models import BooleanField, Q
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
    quote_lexeme,
    site_lexeme,
    title_key,
    words_apart_query,
)

SNIPPET_CHARS = 120
# Counts stop here ("1000+"); pages go on past it.
COUNT_CAP = 1000
# Fewer matches than this (a page) and the words-apart documents follow.
FEW = 20
# A query expected in this share of the scope is read along the date index only.
COMMON_SHARE = 0.2
# Titles are probed among the scope's newest rows: when these hold a page of the
# title tier (or the suggestions), it is read along the date index, where a bitmap of
# every such title costs ~100 ms (党 in titles); when not, the GIN index is cheap.
NEWEST_ROWS = 5000

EXACT, TITLE, TEXT, WORDS_APART = "exact", "title", "text", "words_apart"
UNSHOWN = ("grams", "words", "title_vector")  # what a results page never reads


def _where(sql: str, params) -> RawSQL:
    return RawSQL(sql, params, output_field=BooleanField())


def holds(column: str, tsquery: str, node=None) -> RawSQL:
    """`column @@ tsquery`, narrowed to the site's lexeme for one site (node)."""
    if node is not None:
        tsquery = f"{quote_lexeme(site_lexeme(node.pk))} & ({tsquery})"
    return _where(f"{column} @@ %s::tsquery", [tsquery])


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

    def _holds(self, column: str, tsquery: str) -> RawSQL:
        return holds(column, tsquery, self.node)

    def _title_query(self) -> str:
        return self._grams if self._pinyin is None else f"({self._grams}) | ({self._pinyin})"

    def _in_title(self) -> RawSQL:
        return self._holds("title_vector", self._title_query())

    def _phrase(self):
        grams = self._holds("grams", self._grams)
        if self._pinyin is None:
            return grams
        return Q(grams) | Q(self._holds("title_vector", self._pinyin))

    def matches(self):
        """Every entry holding the query (or, for letters, whose title reads as it)."""
        if not self.searchable:
            return SearchEntry.objects.none()
        return self._scope().filter(self._phrase())

    def words_apart(self):
        """Entries holding the query's dictionary words, but not as typed."""
        if not self.searchable or self._apart is None:
            return SearchEntry.objects.none()
        apart = self._holds("words", self._apart)
        return self._scope().filter(apart).exclude(self._phrase())

    def total(self) -> int:
        """How many match, counted up to COUNT_CAP + 1 (more shows as "1000+")."""
        return capped_count(self.matches(), COUNT_CAP + 1)

    def find(self, number: int, size: int) -> tuple["ResultPage", int, int]:
        """(page `number` from 1, matches as typed, words-apart matches), both counts
        capped at COUNT_CAP + 1.

        Up to COUNT_CAP matches are read once from the GIN index with their tier and
        date and ordered here. A word found more often is common in the scope: its
        tiers are read newest first along the date index (the planner, which cannot
        estimate a phrase of bigrams, is told so), each stopping at the page.
        """
        if not self.searchable:
            return ResultPage(number, size, [], False, 0), 0, 0
        if self._in_most_of_the_scope(Search.matches):
            # a page is a few rows along the date index; a bitmap of the matches
            # alone would cost ~100 ms (673,795 of 1,000,000 rows, measured)
            total = len(_newest_first(self.matches(), 0, COUNT_CAP + 1))
            typed = None
        else:
            typed = self._collect_typed()
            total = len(typed)
        if typed is not None and total <= COUNT_CAP:
            sources = [(None, typed)]
        else:
            sources = self._common_tiers()
        apart_total = 0
        if total < FEW and self._apart is not None:
            if self._in_most_of_the_scope(Search.words_apart):
                apart = self.words_apart()
                apart_total = len(_newest_first(apart, 0, COUNT_CAP + 1))
            else:
                apart, apart_total = _collected_or_walked(self.words_apart(), WORDS_APART)
            sources.append((WORDS_APART, apart))
        tiers_and_pks = _page_through(sources, (number - 1) * size, size + 1)
        rows = _entries_in_order(tiers_and_pks)
        page = ResultPage(number, size, rows[:size], len(rows) > size)
        return page, total, apart_total

    def _in_most_of_the_scope(self, entries) -> bool:
        """Whether the planner expects `entries(search)` in COMMON_SHARE of the scope's
        rows or more. It underestimates phrases (their bigrams multiplied as if unrelated),
        so a high estimate is a safe one: walking the date index then finds a page
        within a few rows for each one it shows."""
        # the network's share stands for a site's: a site's own estimate would count
        # the site twice (its node and its lexeme)
        network = replace(self, node=None)
        scope = _estimated_rows(network._scope())
        return scope > 0 and _estimated_rows(entries(network)) >= COMMON_SHARE * scope

    def _titles(self):
        """Entries holding the query in their title (or read so), not exactly it."""
        in_title = self._scope().filter(self._in_title())
        return in_title.exclude(title_key=self._key) if self._key else in_title

    def _collect_typed(self) -> list[tuple[str, int]]:
        """(tier, pk) of up to COUNT_CAP + 1 matches, in display order."""
        rows = self.matches().order_by()
        if self.newest_first:
            return _collect(rows, TEXT)
        exact = _where("title_key = %s", [self._key]) if self._key else _where("false", [])
        found = _from_the_index(
            rows.annotate(exact=exact, in_title=self._in_title()).values_list(
                "pk", "date", "exact", "in_title"
            )[: COUNT_CAP + 1]
        )
        return _in_order(
            (EXACT if is_exact else TITLE if in_title else TEXT, pk, when)
            for pk, when, is_exact, in_title in found
        )

    def _common_tiers(self) -> list:
        """The tiers of a query found more than COUNT_CAP times in the scope."""
        if self.newest_first:
            return [(TEXT, self.matches())]
        exact = []
        if self._key:
            exact = _collect(self._scope().filter(title_key=self._key), EXACT)
        in_title = ("title_vector", self._title_query())
        if len(newest_holding(self._scope(), *in_title, FEW + 1)) > FEW:
            titles = self._titles()  # 党 in titles: walked, never collected
        else:
            titles, _ = _collected_or_walked(self._titles(), TITLE)
        text = self.matches().exclude(self._in_title())
        return [(EXACT, exact), (TITLE, titles), (TEXT, text)]

    def entries(self) -> list:
        """Every result in display order (the tests' view of a search)."""
        found, number = [], 1
        while True:
            page, _, _ = self.find(number, 200)
            found += page.object_list
            if not page.has_next:
                return found
            number += 1


def _estimated_rows(entries) -> float:
    plan = json.loads(entries.order_by().explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"]


def newest_holding(scope, column: str, tsquery: str, limit: int) -> list[tuple]:
    """(pk, title) of up to `limit` entries holding `tsquery` among the scope's
    NEWEST_ROWS newest, newest first: a bounded walk along the date index (~3 ms),
    whatever the planner would guess for a phrase."""
    newest = scope.order_by("-date", "-pk").values("id", "date", "title", column)
    inner, params = newest[:NEWEST_ROWS].query.sql_with_params()
    sql = (
        f"SELECT id, title FROM ({inner}) newest WHERE {column} @@ %s::tsquery "
        "ORDER BY date DESC, id DESC LIMIT %s"
    )  # the column is ours, never the reader's
    with planned(enable_bitmapscan="off", enable_seqscan="off"), connection.cursor() as cursor:
        cursor.execute(sql, [*params, tsquery, limit])
        return cursor.fetchall()


def _in_order(rows) -> list[tuple[str, int]]:
    """(tier, pk) ordered by tier, then newest first (no date first, as PostgreSQL's
    DESC puts NULLs), then newest entry first."""
    rank = {EXACT: 0, TITLE: 1, TEXT: 2, WORDS_APART: 3}

    def key(row):
        tier, pk, when = row
        return (rank[tier], when is not None, -(when.timestamp() if when else 0), -pk)

    return [(tier, pk) for tier, pk, _ in sorted(rows, key=key)]


def _collect(entries, tier: str) -> list[tuple[str, int]]:
    found = _from_the_index(entries.order_by().values_list("pk", "date")[: COUNT_CAP + 1])
    return _in_order((tier, pk, when) for pk, when in found)


def _collected_or_walked(entries, tier: str):
    """(source, count): the tier's (tier, pk) pairs in order when there are up to
    COUNT_CAP, else the entries themselves, to read along the date index."""
    collected = _collect(entries, tier)
    if len(collected) > COUNT_CAP:
        return entries, len(collected)
    return collected, len(collected)


def _from_the_index(query) -> list:
    """Rows of a query asked of the GIN indexes, never by reading the table: a seq
    scan stops at the limit only after testing every row it passes."""
    with planned(enable_seqscan="off"):
        return list(query)


def _page_through(sources, skip: int, need: int) -> list[tuple[str, int]]:
    """(tier, pk) of `need` results after `skip`, through the sources in order: each
    either (tier, pk) pairs in order, or entries to read along the date index."""
    picked = []
    for tier, source in sources:
        if need <= 0:
            break
        if isinstance(source, list):
            part, size = source[skip : skip + need], len(source)
        else:
            part = [(tier, pk) for pk in _newest_first(source, skip, need)]
            size = None
        if part:
            picked += part
            need -= len(part)
            skip = 0
        elif skip:
            skip -= size if size is not None else capped_count(source, skip)
    return picked


def _newest_first(entries, skip: int, limit: int) -> list[int]:
    """Primary keys of entries newest first, read along a date index: for a word
    common in the scope, a few rows along the index hold a page of matches, while
    a bitmap of every match would read them all before sorting."""
    query = entries.order_by("-date", "-pk").values_list("pk", flat=True)[skip : skip + limit]
    with planned(enable_bitmapscan="off", enable_seqscan="off"):
        return list(query)


@contextmanager
def planned(**plan):
    """Run queries with the planner told what it cannot know: a phrase of bigrams is
    estimated as if its bigrams were unrelated (第一, 一书, 书记 always come together),
    so it guesses a few rows where there are thousands, or the reverse. Disabling a
    plan makes every cost look huge, so JIT compiling and parallel workers (~200 ms
    of the first, measured) are turned off with it."""
    plan = {"jit": "off", "max_parallel_workers_per_gather": "0", **plan}
    with connection.cursor() as cursor:
        for name, value in plan.items():
            cursor.execute(f"SET {name} = {value}")  # names and values are ours
        try:
            yield
        finally:
            for name in plan:
                cursor.execute(f"RESET {name}")


def _entries_in_order(tiers_and_pks) -> list:
    entries = SearchEntry.objects.select_related("node").defer(*UNSHOWN)
    by_pk = entries.in_bulk([pk for _, pk in tiers_and_pks])
    ordered = []
    for tier, pk in tiers_and_pks:
        entry = by_pk[pk]
        entry.tier = tier
        ordered.append(entry)
    return ordered


def capped_count(entries, cap: int) -> int:
    with planned(enable_seqscan="off"):
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
