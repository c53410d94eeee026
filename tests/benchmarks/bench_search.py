"""Search at 200,000 articles: indexing throughput, query latency for one site and
for the whole network (PostgreSQL backend), recall and precision on the labelled set.

Articles are written straight into the index through the same text pipeline the
site uses (search.indexing.grams_field / words_vector); creating 200,000 Wagtail
pages first would take hours and measure Wagtail, not search. The throughput of the
full path (a real article page -> index_article) is measured separately on a sample.
"""

import argparse
import os
import random
import statistics
import sys
import time
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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--villages", type=int, default=400)
    parser.add_argument("--keep", action="store_true", help="keep the database between runs")
    args = parser.parse_args()

    import django

    django.setup()
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
    from search.indexing import grams_field, index_article
    from search.models import SearchEntry
    from search.query import Search
    from search.text import words_vector
    from sites import corpus
    from sites.factories import ArticlePageFactory, _fill, chinese_headline, node_column

    settings.DATABASES["default"]["TEST"]["NAME"] = "xfnet_bench_search"
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=args.keep)
    try:
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
        rng = random.Random(2026)
        columns = list(corpus.HEADLINES)
        version = dictionary.version()
        have = SearchEntry.objects.count()
        if have < args.articles:
            started = time.perf_counter()
            batch = []
            for i in range(have, args.articles):
                node = nodes[i % len(nodes)]
                org = node.name
                title = chinese_headline(rng.choice(columns), org, rng)
                body = "\n".join(_fill(p, org, rng) for p in rng.sample(corpus.PARAGRAPHS, k=4))
                batch.append(
                    SearchEntry(
                        node=node, page_id=1_000_000 + i, level=node.level,
                        column_page_id=rng.randint(1, 8), title=title, url_path=f"/a/{i}/",
                        text=body, date=timezone.now(), grams=grams_field(title, body),
                        words=words_vector(f"{title}\n{body}"), dictionary_version=version,
                    )
                )  # fmt: skip
                if len(batch) == 2000:
                    SearchEntry.objects.bulk_create(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            seconds = time.perf_counter() - started
            made = args.articles - have
            print(f"indexed {made} articles in {seconds:.0f} s: {made / seconds:.0f} articles/s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE xfsearch_searchentry")

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

        total = SearchEntry.objects.count()
        print(f"index: {total} entries over {len(nodes)} sites")
        sample_nodes = rng.sample([n for n in nodes if n.level == "village"], 20)
        for scope, order in [(s, o) for s in ("site", "network") for o in ("relevance", "newest")]:
            newest = order == "newest"
            timings = []
            for _ in range(2):  # the first pass warms the caches; keep the second
                timings = []
                for i, query in enumerate(labelled.QUERIES):
                    node = sample_nodes[i % len(sample_nodes)] if scope == "site" else None
                    started = time.perf_counter()
                    # what the search page does: the total, the paginator's count, a page
                    results, _total = results_for(Search(q=query, node=node, newest_first=newest))
                    results.count()
                    list(results[:20])
                    timings.append(time.perf_counter() - started)
            report(f"{scope} query, {order}: total + first page of 20", timings)

        # recall and precision of the labelled set inside the big index
        labelled_node = nodes[0]
        truths = {}
        for i, (title, body) in enumerate(labelled.DOCUMENTS):
            entry = SearchEntry.objects.create(
                node=labelled_node, page_id=9_000_000 + i, level=labelled_node.level,
                title=title, url_path="/", text=body, grams=grams_field(title, body),
                words=words_vector(f"{title}\n{body}"), dictionary_version=version,
            )  # fmt: skip
            truths[entry.page_id] = labelled.haystack(title, "", body)
        tp = fp = fn = 0
        for query in labelled.QUERIES:
            truth = {pid for pid, text in truths.items() if labelled.answers(query, text)}
            got = set(
                Search(q=query, node=labelled_node)
                .entries()
                .filter(page_id__gte=9_000_000)
                .values_list("page_id", flat=True)
            )
            tp, fp, fn = tp + len(truth & got), fp + len(got - truth), fn + len(truth - got)
        print(
            f"labelled set ({len(labelled.QUERIES)} queries, {len(truths)} documents): "
            f"recall {tp / (tp + fn):.3f}, precision {tp / (tp + fp):.3f}"
        )
        SearchEntry.objects.filter(page_id__gte=9_000_000).delete()
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
