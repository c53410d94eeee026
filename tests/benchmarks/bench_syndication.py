"""Syndication at network size: a province headline reaching sampled village home
pages through a real Celery worker, and the village home page's query count."""

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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cities", type=int, default=16)
    parser.add_argument("--counties", type=int, default=105)
    parser.add_argument("--villages", type=int, default=2000)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--keep", action="store_true", help="keep the database for the next run (resumes import)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases

    from network.factories import UserFactory
    from network.models import Node
    from provisioning.importer import import_nodes
    from provisioning.nodes import NodeSpec
    from syndication.factories import story_at
    from syndication.pushing import push_down
    from xfnet.celery import app

    settings.DATABASES["default"]["TEST"]["NAME"] = "xfnet_bench_syndication"
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=args.keep)
    try:
        rows = build_rows(args.cities, args.counties, args.villages)
        specs = [
            (i + 2, NodeSpec.clean(code=c, parent_code=p, level=lv, name=n, domain=d))
            for i, (c, p, lv, n, d) in enumerate(rows)
        ]
        import_nodes(specs, sys.stderr)
        connection.set_schema_to_public()
        province = Node.objects.get(depth=1)
        villages = list(Node.objects.filter(level="village").prefetch_related("domains"))
        sample = random.Random(7).sample(villages, min(args.samples, len(villages)))
        hosts = [village.domains.all()[0].domain for village in sample]
        reviewer = UserFactory(username="bench_sheng", roles=[(province, "reviewer")])
        client = Client()
        print(
            f"network: {Node.objects.count()} nodes "
            f"({len(villages)} villages, {Node.objects.values('tenant').distinct().count()} "
            f"schemas); sampling {len(sample)} villages"
        )

        latencies, sweeps = [], []
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            for round_ in range(args.rounds):
                story = story_at(province, title=f"全省要闻第{round_ + 1}号-{time.time():.0f}")
                start = time.perf_counter()
                push_down(user=reviewer, node=province, story=story, pinned=True)
                # the first sampled village: poll until the headline is on its home page
                while story.title not in client.get("/", HTTP_HOST=hosts[0]).content.decode():
                    time.sleep(0.05)
                    assert time.perf_counter() - start < 60, "headline never arrived"
                latencies.append(time.perf_counter() - start)
                # then every other sampled village must already show it
                missing = [
                    host
                    for host in hosts
                    if story.title not in client.get("/", HTTP_HOST=host).content.decode()
                ]
                sweeps.append(time.perf_counter() - start)
                assert not missing, f"not yet on {missing}"
                connection.set_schema_to_public()

        counts = set()
        render = []
        for host in hosts:
            client.get("/", HTTP_HOST=host)
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                client.get("/", HTTP_HOST=host)
                render.append(time.perf_counter() - began)
            counts.add(len(queries))
            connection.set_schema_to_public()
        print(
            f"push → visible on a village home page: median {statistics.median(latencies):.2f} s, "
            f"max {max(latencies):.2f} s (n={len(latencies)} pushes; floor 5 s)"
        )
        print(f"push → visible on all {len(hosts)} sampled villages: max {max(sweeps):.2f} s")
        print(
            f"village home page, uncached, all shared blocks: queries {sorted(counts)}, "
            f"render median {statistics.median(render) * 1000:.0f} ms"
        )
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
