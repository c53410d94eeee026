"""Search at 1,000,000 articles: indexing throughput and index size, query latency
for one site and for the whole network by relevance and by date, suggestions as you
type (PostgreSQL backend), recall and precision on the labelled set as written and in
traditional characters.

Articles are written straight into the index through the same text pipeline the
site uses (search.indexing.text_fields); creating a million Wagtail pages first
would take hours and measure Wagtail, not search. The throughput of the
full path (a real article page -> index_article) is measured separately on a sample.
"""

import argparse
import os
import random
import statistics
import sys
import time
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_provisioning import build_rows


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def report(label, samples):
    ms = [s * 1000 for s in samples]
    print(
        f"{label}: p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
        f"max {max(ms):.1f} ms (n={len(ms)})"
    )


QUERIES_17 = [
    # 拼音 and 首字母, 繁简, two words typed together, a homophone typo, word order
    "dangjian", "xianfengwang", "djwz", "sanhuiyike", "shyk", "zhutidangri",
    "黨建", "黨支部", "鄉村振興", "党员学习", "党建网占", "建设网站", "中组部",
]  # fmt: skip


def article_fields(args):
    """(title, body, fields) for one synthetic article: run in the worker processes."""
    from search.indexing import text_fields
    from sites import corpus
    from sites.factories import _fill, chinese_headline

    i, node_id, org, traditional = args
    rng = random.Random(i)
    title = chinese_headline(rng.choice(list(corpus.HEADLINES)), org, rng)
    body = "\n".join(_fill(p, org, rng) for p in rng.sample(corpus.PARAGRAPHS, k=4))
    if traditional:  # one article in twenty is written in traditional characters
        title, body = _to_traditional(title), _to_traditional(body)
    return title, body, text_fields(title, body, node_id)


@cache
def _converter():
    import opencc

    return opencc.OpenCC("s2t")  # loading its dictionaries costs ~50 ms: once per process


def _to_traditional(text):
    return _converter().convert(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--villages", type=int, default=400)
    parser.add_argument("--keep", action="store_true", help="keep the database between runs")
    parser.add_argument("--verbose", action="store_true", help="name the queries over 50 ms")
    args = parser.parse_args()

    import django

    django.setup()
    from datetime import timedelta
    from multiprocessing import Pool

    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from django.utils import timezone
    from django_tenants.utils import schema_context

    from network.models import Node
    from provisioning.importer import import_nodes
    from provisioning.nodes import NodeSpec
    from search import dictionary, labelled
    from search.backend import results_for
    from search.indexing import index_article, text_fields
    from search.models import SearchEntry, Synonym
    from search.query import FEW, Search
    from search.suggest import did_you_mean, suggestions
    from sites.factories import ArticlePageFactory, node_column

    settings.DATABASES["default"]["TEST"]["NAME"] = "xfnet_bench_search"
    # serialized_aliases empty: a kept index is not copied into memory (1 GiB, minutes)
    config = setup_databases(
        verbosity=0, interactive=False, aliases={"default"}, keepdb=args.keep,
        serialized_aliases=set(),
    )  # fmt: skip
    try:
        if not Node.objects.exists():
            rows = build_rows(4, 20, args.villages)
            import_nodes(
                [
                    (i + 2, NodeSpec.clean(code=c, parent_code=p, level=lv, name=n, domain=d))
                    for i, (c, p, lv, n, d) in enumerate(rows)
                ],
                sys.stderr,
            )
        connection.set_schema_to_public()
        nodes = list(Node.objects.all())
        version = dictionary.version()
        have = SearchEntry.objects.filter(page_id__lt=9_000_000).count()
        if have < args.articles:
            now = timezone.now()
            started = time.perf_counter()
            connection.close()  # the workers fork; none of them touches the database
            work = (
                (i, nodes[i % len(nodes)].pk, nodes[i % len(nodes)].name, i % 20 == 0)
                for i in range(have, args.articles)
            )
            batch = []
            with Pool(2) as pool:
                for i, (title, body, fields) in enumerate(
                    pool.imap(article_fields, work, chunksize=500), start=have
                ):
                    node = nodes[i % len(nodes)]
                    batch.append(
                        SearchEntry(
                            node=node, page_id=1_000_000 + i, level=node.level,
                            column_page_id=i % 8 + 1, title=title, url_path=f"/a/{i}/",
                            text=body, date=now - timedelta(minutes=(i * 7919) % 2_600_000),
                            dictionary_version=version, **fields,
                        )
                    )  # fmt: skip
                    if len(batch) == 5000:
                        SearchEntry.objects.bulk_create(batch)
                        batch = []
                        if i % 100_000 < 5000:
                            print(f"  {i + 1} written", file=sys.stderr)
            SearchEntry.objects.bulk_create(batch)
            seconds = time.perf_counter() - started
            made = args.articles - have
            print(
                f"indexed {made} articles in {seconds:.0f} s: {made / seconds:.0f} articles/s "
                "(text pipeline in 2 processes + bulk insert)"
            )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE xfsearch_searchentry")
            cursor.execute(
                "SELECT pg_total_relation_size('xfsearch_searchentry'), "
                "pg_relation_size('xfsearch_searchentry'), "
                "pg_relation_size('search_grams_gin'), pg_relation_size('search_title_gin'), "
                "pg_relation_size('search_words_gin')"
            )
            total_size, heap, grams_gin, title_gin, words_gin = cursor.fetchone()
        mib = 1024 * 1024
        print(
            f"index size: {total_size / mib:.0f} MiB in all (table {heap / mib:.0f} MiB, "
            f"bigram GIN {grams_gin / mib:.0f} MiB, title GIN {title_gin / mib:.0f} MiB, "
            f"words GIN {words_gin / mib:.0f} MiB)"
        )

        # the full path on a sample: a real article page through index_article
        village = Node.objects.filter(level="village").first()
        with schema_context(village.tenant.schema_name):
            column = node_column(village, "通知公告")
            pages = [ArticlePageFactory(parent=column, org=village.name) for _ in range(100)]
            started = time.perf_counter()
            for page in pages:
                index_article(page, village)
            seconds = time.perf_counter() - started
        connection.set_schema_to_public()
        print(f"full path (article page -> index): {len(pages) / seconds:.0f} articles/s")

        Synonym.objects.get_or_create(words="中组部，中央组织部")
        total = SearchEntry.objects.count()
        print(f"index: {total} entries over {len(nodes)} sites")
        rng = random.Random(2026)
        sample_nodes = rng.sample([n for n in nodes if n.level == "village"], 20)
        queries = list(labelled.QUERIES) + QUERIES_17
        # the anchor, side by side: a page of 20 newest entries with no search at all
        # (the date index alone), for one site and for the network
        anchors = {}
        for scope in ("site", "network"):
            timings = []
            for _ in range(2):
                timings = []
                for i in range(len(queries)):
                    node = sample_nodes[i % len(sample_nodes)] if scope == "site" else None
                    started = time.perf_counter()
                    newest = SearchEntry.objects.order_by("-date", "-pk")
                    newest = newest.filter(node=node) if node else newest
                    list(newest.select_related("node").defer("grams", "words")[:21])
                    timings.append(time.perf_counter() - started)
            anchors[scope] = percentile(timings, 0.95)
            report(f"anchor, {scope}: newest 20 by the date index, no search", timings)
        for scope, order in [(s, o) for s in ("site", "network") for o in ("relevance", "newest")]:
            timings = []
            for _ in range(2):  # the first pass warms the caches; keep the second
                timings = []
                for i, query in enumerate(queries):
                    node = sample_nodes[i % len(sample_nodes)] if scope == "site" else None
                    started = time.perf_counter()
                    # what the search page does: count, page 1, 您是不是要找 when few
                    search = Search(q=query, node=node, newest_first=order == "newest")
                    found = results_for(search, 1, 20)
                    if found.total < FEW:
                        did_you_mean(search, found.total)
                    timings.append(time.perf_counter() - started)
                    if args.verbose and timings[-1] > 0.05:
                        print(f"  slow: {query!r} {timings[-1] * 1000:.0f} ms", file=sys.stderr)
            report(f"{scope} query, {order}: count + page 1 of 20 (+ 您是不是要找)", timings)
            print(f"  p95 / anchor p95: {percentile(timings, 0.95) / anchors[scope]:.1f}x")
            deep = []
            for i, query in enumerate(queries[:15]):
                node = sample_nodes[i % len(sample_nodes)] if scope == "site" else None
                started = time.perf_counter()
                results_for(Search(q=query, node=node, newest_first=order == "newest"), 10, 20)
                deep.append(time.perf_counter() - started)
            report(f"{scope} query, {order}: page 10", deep)

        prefixes = sorted({q[:n] for q in queries for n in range(1, min(len(q), 6) + 1)})
        for scope in ("site", "network"):
            timings = []
            for _ in range(2):
                timings = []
                for i, prefix in enumerate(prefixes):
                    node = sample_nodes[i % len(sample_nodes)] if scope == "site" else None
                    started = time.perf_counter()
                    suggestions(prefix, node)
                    timings.append(time.perf_counter() - started)
            report(f"suggestions as you type, {scope}", timings)

        # recall and precision of the labelled set, as written and in traditional
        # characters, inside the big index; truth is substring truth on folded text
        labelled_node = nodes[0]
        truths = {}
        documents = list(labelled.DOCUMENTS)
        documents += [(_to_traditional(t), _to_traditional(b)) for t, b in labelled.DOCUMENTS]
        for i, (title, body) in enumerate(documents):
            entry = SearchEntry.objects.create(
                node=labelled_node, page_id=9_000_000 + i, level=labelled_node.level,
                title=title, url_path="/", text=body, dictionary_version=version,
                **text_fields(title, body, labelled_node.pk),
            )  # fmt: skip
            truths[entry.page_id] = labelled.haystack(title, "", body)
        for label, query_set in [
            ("as written", labelled.QUERIES),
            ("queries in traditional", [_to_traditional(q) for q in labelled.QUERIES]),
        ]:
            tp = fp = fn = 0
            for query in query_set:
                truth = {pid for pid, text in truths.items() if labelled.answers(query, text)}
                got = set(
                    Search(q=query, node=labelled_node)
                    .matches()
                    .filter(page_id__gte=9_000_000)
                    .values_list("page_id", flat=True)
                )
                tp, fp, fn = tp + len(truth & got), fp + len(got - truth), fn + len(truth - got)
            print(
                f"labelled set {label} ({len(query_set)} queries, {len(truths)} documents, "
                f"half traditional): recall {tp / (tp + fn):.3f}, precision {tp / (tp + fp):.3f}"
            )
        SearchEntry.objects.filter(page_id__gte=9_000_000).delete()
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
