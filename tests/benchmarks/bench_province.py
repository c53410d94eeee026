"""The whole province in one install (issue 13): the full-size import, then what a
person waits on at that size.

    python tests/benchmarks/bench_province.py              # 1 + 16 + 105 + 1,260 + 18,900
    python tests/benchmarks/bench_province.py --keep       # keep the database; a re-run
                                                           # skips the import
    python tests/benchmarks/bench_province.py --townships 2 --villages 3   # quick

Figures are printed beside their anchors, measured in the same run: the import beside
the bare cost of cloning its schemas (the part no batching removes), adding a village
beside Wagtail's own `add_child` of one page in the same schema.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

DATABASE = "xfnet_bench_province"


def median_ms(samples) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} on {os.cpu_count()} cores"


def build(args):
    from network.models import Node
    from provisioning.importer import import_nodes, read_node_rows
    from provisioning.province import write_province_csv

    if Node.objects.exists():
        print(f"network kept from an earlier run: {Node.objects.count()} nodes")
        return
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "province.csv"
        count = write_province_csv(path, townships=args.townships, villages=args.villages)
        rows = read_node_rows(path)
        print(f"importing {count} nodes ({load()})", flush=True)
        result, seconds = timed(import_nodes, rows, sys.stderr)
    schemas = Node.objects.filter(level__in=["province", "city", "county"]).count()
    print(
        f"import: {result.added} nodes, {schemas} schemas in {seconds:.0f} s "
        f"({seconds / 60:.1f} min; {load()})"
    )


def clone_floor(samples=5) -> float:
    """Seconds to clone the template schema bare (network.cloning), median."""
    from django.db import connection

    from network.cloning import clone_schema
    from network.schemas import template_schema_name

    times = []
    for i in range(samples):
        name = f"bench_clone_{i}"
        times.append(timed(clone_schema, template_schema_name(), name)[1])
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA {name} CASCADE")
    return statistics.median(times)


def add_nodes(samples):
    """add-node of villages (and counties) on the full network, beside Wagtail's own
    add_child of one page in the same schema."""
    from django.db import connection, transaction
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from network.models import Node
    from provisioning.nodes import NodeSpec, add_node, plan_removal, remove_nodes

    town = Node.objects.filter(level="township").select_related("tenant").last()
    city = Node.objects.filter(level="city").first()
    villages, counties, pages = [], [], []
    for i in range(samples):
        spec = NodeSpec.clean(
            code=f"{town.code}{900 + i:03d}", parent_code=town.code, level="village",
            name=f"样本村{i}", domain=f"sample{i}.{town.code}.bench.localhost",
        )  # fmt: skip
        villages.append(timed(add_node, spec)[1])
        with schema_context(town.tenant.schema_name), transaction.atomic():
            home = Page.objects.get(pk=town.root_page_id)
            page = Page(title=f"样本页{i}", slug=f"sample-{i}")
            pages.append(timed(home.add_child, instance=page)[1])
            transaction.set_rollback(True)
        connection.set_schema_to_public()
    for i in range(max(3, samples // 10)):
        spec = NodeSpec.clean(
            code=f"{city.code[:4]}{90 + i:02d}", parent_code=city.code, level="county",
            name=f"样本县{i}", domain=f"county{i}.bench.localhost",
        )  # fmt: skip
        counties.append(timed(add_node, spec)[1])
    total = Node.objects.count()
    print(f"add village (network of {total} nodes): {median_ms(villages)}, n={len(villages)}")
    print(f"  anchor, Wagtail add_child of one page there: {median_ms(pages)}")
    print(f"  ratio {statistics.median(villages) / statistics.median(pages):.1f}x ({load()})")
    print(f"add county (schema clone): {median_ms(counties)}, n={len(counties)}")
    for code in [f"{town.code}{900 + i:03d}" for i in range(samples)] + [
        f"{city.code[:4]}{90 + i:02d}" for i in range(len(counties))
    ]:
        remove_nodes(plan_removal(code, recursive=True))


def tree(samples):
    """`manage.py network tree CODE` of a county and of a city."""
    from network.models import Node
    from network.tree import render_tree

    for level in ("county", "city"):
        node = Node.objects.filter(level=level).first()
        times = [timed(lambda n=node: list(render_tree(n)))[1] for _ in range(samples)]
        lines = len(list(render_tree(node)))
        print(f"network tree {node.code} ({level}, {lines} lines): {median_ms(times)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--townships", type=int, default=12, help="per county")
    parser.add_argument("--villages", type=int, default=15, help="per township")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database between runs")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    settings.DATABASES["default"]["TEST"]["NAME"] = DATABASE
    config = setup_databases(
        verbosity=0, interactive=False, aliases={"default"}, keepdb=args.keep,
        serialized_aliases=set(),
    )  # fmt: skip
    try:
        build(args)
        floor = clone_floor()
        print(f"  anchor, one bare schema clone: {floor * 1000:.0f} ms ({load()})")
        add_nodes(args.samples)
        tree(args.samples)
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
