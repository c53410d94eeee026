"""The modelsearch internals search.modelsearch_backend relies on are still there."""

import inspect
import types

from modelsearch.backends.database.postgres import postgres

from search.modelsearch_backend import ChineseIndex, ChineseObjectIndexer


def global_names(code) -> set[str]:
    """Names a function's code (its comprehensions included) looks up."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= global_names(const)
    return names


def test_add_items_still_builds_its_indexers_from_the_module_global():
    assert "ObjectIndexer" in global_names(postgres.PostgresIndex.add_items.__code__), (
        "modelsearch's PostgresIndex.add_items no longer uses the ObjectIndexer global"
    )
    assert ChineseIndex.add_items.__globals__["ObjectIndexer"] is ChineseObjectIndexer


def test_object_indexer_still_prepares_each_value():
    params = list(inspect.signature(postgres.ObjectIndexer.prepare_value).parameters)
    assert params == ["self", "value"]


def test_query_compilers_still_build_tsqueries_the_same_way():
    for compiler in (
        postgres.PostgresSearchQueryCompiler,
        postgres.PostgresAutocompleteQueryCompiler,
    ):
        params = list(inspect.signature(compiler.build_tsquery_content).parameters)
        assert params == ["self", "query", "config", "invert"], compiler.__name__
