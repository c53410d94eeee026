"""Public pages: a village home page uncached and cached (latency, queries), and the
requests per second gunicorn serves on this machine."""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_provisioning import build_rows


def timed(fn, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def load(url, host, seconds, threads, headers):
    """Closed-loop load: `threads` clients, each sending the next request on an answer."""
    done, errors, stop = [0], [0], time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            request = urllib.request.Request(url, headers={"Host": host, **headers})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
                done[0] += 1
            except Exception:
                errors[0] += 1

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return done[0] / seconds, errors[0]


def add_network_arguments(parser) -> None:
    """The network setup_bench_network builds, and whether to keep its database."""
    parser.add_argument("--cities", type=int, default=4)
    parser.add_argument("--counties", type=int, default=20)
    parser.add_argument("--villages", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the database for the next run")


def setup_bench_network(args, database: str):
    """The benchmark's test database (kept with --keep) and, if it is empty, a network
    of args.cities/counties/villages with one village full of news and five stories
    the province pushed to every site. Returns setup_databases' config."""
    import random

    from django.conf import settings
    from django.test.utils import setup_databases

    from demo.network import fill_site
    from network.factories import UserFactory
    from network.models import Node
    from provisioning.importer import import_nodes
    from provisioning.nodes import NodeSpec
    from syndication.delivery import run_pending_here
    from syndication.factories import story_at
    from syndication.pushing import push_down

    settings.DATABASES["default"]["TEST"]["NAME"] = database
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=args.keep)
    if not Node.objects.exists():
        rows = build_rows(args.cities, args.counties, args.villages)
        specs = [
            (i + 2, NodeSpec.clean(code=c, parent_code=p, level=lv, name=n, domain=d))
            for i, (c, p, lv, n, d) in enumerate(rows)
        ]
        import_nodes(specs, sys.stderr)
        village = Node.objects.filter(level="village").order_by("path").first()
        fill_site(village, articles_per_column=10, rng=random.Random(1))
        province = Node.objects.get(depth=1)
        reviewer = UserFactory(username="bench_sheng", roles=[(province, "reviewer")])
        for i in range(5):
            story = story_at(province, title=f"全省要闻{i}")
            push_down(user=reviewer, node=province, story=story, pinned=i == 0)
        run_pending_here()
    return config


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_network_arguments(parser)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, teardown_databases

    from network.models import Node

    config = setup_bench_network(args, "xfnet_bench_public")
    try:
        connection.set_schema_to_public()
        village = Node.objects.filter(level="village").order_by("path").first()
        host = village.primary_domain
        pages = caches["pages"]
        client = Client()
        nodes = Node.objects.count()
        schemas = Node.objects.values("tenant").distinct().count()
        print(f"network: {nodes} nodes, {schemas} schemas; village {host}")

        def uncached():
            pages.clear()
            assert client.get("/", HTTP_HOST=host).status_code == 200

        uncached()
        with CaptureQueriesContext(connection) as queries:
            uncached()
        print(f"uncached village home: {len(queries)} queries")
        median, p95 = timed(uncached, args.rounds)
        print(f"uncached village home (test client): median {median:.1f} ms, p95 {p95:.1f} ms")
        client.get("/", HTTP_HOST=host)
        median, p95 = timed(lambda: client.get("/", HTTP_HOST=host), args.rounds)
        print(f"cached village home (test client):   median {median:.2f} ms, p95 {p95:.2f} ms")

        db = settings.DATABASES["default"]
        url = (
            f"postgresql://{db['USER']}:{db.get('PASSWORD') or ''}@"
            f"{db.get('HOST') or ''}:{db.get('PORT') or 5432}/{db['NAME']}"
        )
        socket_dir = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
        if socket_dir.startswith("/"):  # a socket directory (the embedded server)
            url = f"postgresql://{db['USER']}@{quote(socket_dir, safe='')}/{db['NAME']}"
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "xfnet.settings.test"}
        port = 8765
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "xfnet.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", str(args.gunicorn_workers),
                "--log-level", "warning",
            ],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}/"
            for _ in range(100):
                try:
                    urllib.request.urlopen(
                        urllib.request.Request(base, headers={"Host": host}), timeout=2
                    ).read()
                    break
                except Exception:
                    time.sleep(0.2)
            for label, headers in [
                ("cached", {}),
                # a session cookie bypasses the page cache: every request renders
                ("uncached", {"Cookie": "sessionid=bench"}),
            ]:
                rps, errors = load(base, host, args.seconds, args.threads, headers)
                print(
                    f"gunicorn {args.gunicorn_workers} sync workers, {args.threads} clients, "
                    f"{label}: {rps:.0f} requests/s ({errors} errors)"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
