"""Wagtail's own search (admin pages, images, documents) made to find Chinese words.

It is Wagtail's PostgreSQL backend (modelsearch) with two changes: text is indexed
as the same bigram stream as the site search (search.text), space-separated so the
'simple' configuration keeps each bigram as one lexeme, and queries are the same
bigram phrase queries. Index entries stay in each tenant schema, as Wagtail's do.

modelsearch offers no public hook for either change, so this module is the one place
that relies on its internals: `postgres.ObjectIndexer.prepare_value`, the module
global `ObjectIndexer` that `PostgresIndex.add_items` builds indexers from, and the
query compilers' `build_tsquery_content(query, config, invert)`.
search/tests/test_modelsearch_backend.py fails, naming which, if an upgrade changes one.
"""

import operator
import types
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import And, Or, Phrase, PlainText

from .text import gram_lexemes, grams_query


class ChineseObjectIndexer(postgres.ObjectIndexer):
    def prepare_value(self, value):
        text = super().prepare_value(value)
        # one lexeme per position, in order: to_tsvector numbers them as we do
        return " ".join(lexeme for lexeme, _ in gram_lexemes(text))


class ChineseIndex(postgres.PostgresIndex):
    # add_items builds its indexers from the module's ObjectIndexer; run the same
    # function with ours in its place rather than copying its sixty lines.
    add_items = types.FunctionType(
        postgres.PostgresIndex.add_items.__code__,
        {**postgres.__dict__, "ObjectIndexer": ChineseObjectIndexer},
        "add_items",
    )


class _ChineseQueries:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase):
            joiner = "&" if isinstance(query, Phrase) else _operator(query)
            raw = grams_query(query.query_string, operator=joiner)
            if raw is None:
                return None
            tsquery = SearchQuery(raw, search_type="raw", config=config)
            return ~tsquery if invert else tsquery
        if isinstance(query, And | Or):
            # A part with nothing searchable (punctuation, "'") adds no condition;
            # modelsearch would combine its None with the rest and fail.
            parts = [
                part
                for part in (
                    self.build_tsquery_content(sub, config=config, invert=invert)
                    for sub in query.subqueries
                )
                if part is not None
            ]
            if not parts:
                return None
            is_and = isinstance(query, And) != invert  # De Morgan, as modelsearch does
            return reduce(operator.and_ if is_and else operator.or_, parts)
        return super().build_tsquery_content(query, config=config, invert=invert)


def _operator(query) -> str:
    return "|" if query.operator == "or" else "&"


class ChineseQueryCompiler(_ChineseQueries, postgres.PostgresSearchQueryCompiler):
    pass


class ChineseAutocompleteQueryCompiler(_ChineseQueries, postgres.PostgresAutocompleteQueryCompiler):
    pass


class ChineseSearchBackend(postgres.PostgresSearchBackend):
    index_class = ChineseIndex
    query_compiler_class = ChineseQueryCompiler
    autocomplete_query_compiler_class = ChineseAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})


SearchBackend = ChineseSearchBackend
