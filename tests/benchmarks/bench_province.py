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


ADMIN_URLS = [
    "/admin/", "/admin/pages/", "/admin/pages/{home}/", "/admin/pages/search/?q=村",
    "/admin/choose-page/", "/admin/images/", "/admin/documents/", "/admin/images/chooser/",
    "/admin/documents/chooser/", "/admin/reports/site-history/", "/admin/members/",
    "/admin/syndication/inbox/", "/admin/syndication/received/",
    "/admin/syndication/receipts/", "/admin/syndication/log/", "/admin/syndication/mapping/",
    "/admin/syndication/points/", "/admin/syndication/points/?export=xlsx",
    "/admin/syndication/points/?export=csv", "/admin/readership/",
    "/admin/operations/timeliness/", "/admin/operations/statistics/",
    "/admin/operations/statistics/?format=xlsx", "/admin/party/",
]  # fmt: skip
SUPERUSER_URLS = ["/admin/sites/", "/admin/groups/", "/admin/users/", "/admin/collections/"]


def admin_pages(samples, only=None):
    """Each admin page as the province's webmaster, a county's (its ~190 sites share
    the schema) and a superuser, beside Wagtail's own account page for the same
    account in the same run."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from network.factories import UserFactory
    from network.models import Node

    province = Node.objects.get(depth=1)
    county = Node.objects.filter(level="county").first()
    accounts = [
        ("province webmaster", province, "bench_province", [(province, "webmaster")]),
        ("county webmaster", county, "bench_county", [(county, "webmaster")]),
        ("superuser", province, "bench_superuser", None),
    ]
    for label, node, username, roles in accounts:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user = UserFactory(username=username, roles=roles or [])
            if roles is None:
                user.is_superuser = user.is_staff = True
                user.save()
        client = Client(HTTP_HOST=node.primary_domain or node.domains.first().domain)
        client.force_login(user)
        urls = ADMIN_URLS + (SUPERUSER_URLS if roles is None else [])
        urls.append(f"/admin/syndication/stories/{_story_id(node)}/push/")  # the scope picker
        if only:
            urls = [url for url in urls if only in url]
        anchor = _times(client, "/admin/account/", samples)
        print(f"{label} on {node.code}: Wagtail account page {median_ms(anchor)} ({load()})")
        for url in urls:
            url = url.format(home=node.root_page_id)
            times = _times(client, url, samples)
            ratio = statistics.median(times) / statistics.median(anchor)
            print(f"  {url}: {median_ms(times)} ({ratio:.1f}x)", flush=True)


def _story_id(node):
    """A story of the node's own, to open the 下发 form (scope picker) for."""
    from django.db import connection

    from syndication.factories import story_at
    from syndication.models import Story

    story = Story.objects.filter(origin_node=node, title="基准测试稿件").first()
    if story is None:
        story = story_at(node, title="基准测试稿件")
        connection.set_schema_to_public()
    return story.pk


def _times(client, url, samples):
    from django.db import connection

    times = []
    for _ in range(samples):
        start = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        times.append(time.perf_counter() - start)
        connection.set_schema_to_public()
        if response.status_code != 200:
            print(f"  {url}: HTTP {response.status_code}")
            return times
    return times


def _database_env():
    from django.conf import settings

    db = settings.DATABASES["default"]
    url = f"postgresql://{db['USER']}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/"
    return {
        **os.environ,
        "DATABASE_URL": url + db["NAME"],
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.test",
    }


def _rss_mb(pid) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


def web_memory(limit=None):
    """One gunicorn sync worker asked for every site's home page, its RSS on the way."""
    import subprocess
    import urllib.request

    import psutil
    from django.core.cache import caches

    from network.models import Domain

    caches["pages"].clear()  # every home page rendered, none served from the cache
    hosts = list(
        Domain.objects.filter(is_primary=True)
        .order_by("node__path")
        .values_list("domain", flat=True)
    )[:limit]
    port = 8791
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "xfnet.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"],
        env=_database_env(), cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    try:

        def get(host):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": host})
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()

        for _ in range(100):
            try:
                get(hosts[0])
                break
            except OSError:
                time.sleep(0.3)
        (worker,) = psutil.Process(server.pid).children()
        first = _rss_mb(worker.pid)
        print(f"gunicorn worker after one home page: {first:.0f} MB ({load()})", flush=True)
        start, marks = time.perf_counter(), {1000, 5000, 10000, len(hosts)}
        for done, host in enumerate(hosts, 1):
            get(host)
            if done in marks:
                rss = _rss_mb(worker.pid)
                print(
                    f"  after {done} home pages: {rss:.0f} MB "
                    f"(+{(rss - first) * 1024 / done:.1f} KiB a site; "
                    f"{(time.perf_counter() - start) / done * 1000:.0f} ms a page; {load()})",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)


def worker_memory():
    """A Celery worker (solo pool) running the network-wide periodic tasks, which touch
    every site: activity, 更新监测 scan, statistics, link checks, the index catch-up."""
    import subprocess

    from operations.tasks import check_all_links, refresh_statistics, scan_and_evaluate
    from search.tasks import catch_up_index
    from sites.tasks import refresh_all_node_activity
    from xfnet.celery import app

    app.control.purge()
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "xfnet", "worker", "--pool", "solo",
         "--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
        env=_database_env(), cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    try:
        time.sleep(8)
        first = _rss_mb(worker.pid)
        print(f"celery worker idle: {first:.0f} MB ({load()})", flush=True)
        tasks = [refresh_all_node_activity, scan_and_evaluate, refresh_statistics,
                 check_all_links, catch_up_index]  # fmt: skip
        start = time.perf_counter()
        for task in tasks:
            task.delay().get(timeout=1800)
            print(
                f"  after {task.name}: {_rss_mb(worker.pid):.0f} MB "
                f"({time.perf_counter() - start:.0f} s; {load()})",
                flush=True,
            )
        # check_all_links fans out one task per schema: wait for the queue to drain
        inspector = app.control.inspect()
        while any(
            (inspector.active() or {}).values()
        ) or app.connection().default_channel.client.llen("celery"):
            time.sleep(2)
        print(f"  after the link checks drained: {_rss_mb(worker.pid):.0f} MB ({load()})")
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--townships", type=int, default=12, help="per county")
    parser.add_argument("--villages", type=int, default=15, help="per township")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database between runs")
    parser.add_argument(
        "--only", choices=["import", "admin", "memory"], help="with --keep: only that part"
    )
    parser.add_argument("--sites", type=int, help="with --only memory: ask this many sites only")
    parser.add_argument("--url", help="with --only admin: only the admin URLs containing this")
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
        if args.only in (None, "import"):
            floor = clone_floor()
            print(f"  anchor, one bare schema clone: {floor * 1000:.0f} ms ({load()})")
            add_nodes(args.samples)
            tree(args.samples)
        if args.only in (None, "admin"):
            admin_pages(args.samples, args.url)
        if args.only in (None, "memory"):
            web_memory(args.sites)
            worker_memory()
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
