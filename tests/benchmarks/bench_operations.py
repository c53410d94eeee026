"""更新监测 and 统计分析 at the province's size (issue 19), each figure with its anchor:

1. the timeliness scan of a ~19,000-site network (every schema read once), then an
   incremental scan after one schema changed, the daily evaluation of the rules and a
   month of statistics; the scan beside the anchor of reading the same pages' rows
   with no grouping at all (one `SELECT count(*)` per schema);
2. the province's 统计分析 and 更新监测 pages, uncached, beside Wagtail's own account
   page for the same user.

The backbone (province, 16 cities, `--counties` counties) is provisioned for real
(schemas cloned from the template); the grassroots sites are written straight into
their county's schema (a home page, six columns and `--articles` articles each, the
rows Wagtail's page types hold) with bare nodes, because provisioning 19,000 sites is
issue 13's work, not this benchmark's.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_party import median_ms
from bench_provisioning import build_rows

COLUMNS = ["通知公告", "党务公开", "村务公开", "党员教育", "美好乡村", "农产品信息"]


def timed(label, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    seconds = time.perf_counter() - start
    print(f"{label}: {seconds:.2f} s ({result}); load {os.getloadavg()[0]:.2f}")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counties", type=int, default=105)
    parser.add_argument("--townships", type=int, default=10, help="per county")
    parser.add_argument("--per-township", type=int, default=17, help="villages per township")
    parser.add_argument("--articles", type=int, default=8, help="per grassroots site")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database between runs")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_databases, teardown_databases
    from django.utils import timezone
    from psycopg2.extras import execute_values
    from wagtail.models import Page

    from network.factories import UserFactory
    from network.models import Node
    from operations.models import TimelinessRule
    from operations.scanning import mark_schema_changed, scan_all, scan_changed, site_schemas
    from operations.statistics import refresh_month
    from operations.timeliness import evaluate
    from provisioning.importer import import_nodes
    from provisioning.nodes import NodeSpec
    from sites.models import ArticlePage, ColumnPage, HomePage

    settings.DATABASES["default"]["TEST"]["NAME"] = "xfnet_bench_operations"
    config = setup_databases(
        verbosity=0, interactive=False, aliases={"default"}, keepdb=args.keep,
        serialized_aliases=set(),
    )  # fmt: skip
    rng = random.Random(19)
    try:
        if not Node.objects.exists():
            started = time.perf_counter()
            rows = [r for r in build_rows(16, args.counties, 0) if r[2] != "township"]
            import_nodes(
                [(i + 2, NodeSpec.clean(code=c, parent_code=p, level=lv, name=n, domain=d))
                 for i, (c, p, lv, n, d) in enumerate(rows)],
                sys.stderr,
            )  # fmt: skip
            print(
                f"backbone provisioned ({len(rows)} nodes) in {time.perf_counter() - started:.0f} s"
            )
            started = time.perf_counter()
            kinds = {
                name: ContentType.objects.get_for_model(model).pk
                for name, model in [("home", HomePage), ("column", ColumnPage),
                                    ("article", ArticlePage)]
            }  # fmt: skip
            for county in Node.objects.filter(level="county").select_related("tenant"):
                add_grassroots(county, args, rng, kinds, connection, execute_values, Page)
            connection.set_schema_to_public()
            # a network built a year ago: every node is old enough to be judged
            Node.objects.update(created_at=timezone.now() - timedelta(days=365))
            print(
                f"grassroots sites written in {time.perf_counter() - started:.0f} s: "
                f"{Node.objects.count()} nodes, {len(site_schemas())} schemas"
            )
        connection.set_schema_to_public()
        sites = Node.objects.count()
        TimelinessRule.objects.get_or_create(level="village", column_title="", working_days=10)
        TimelinessRule.objects.get_or_create(level="township", column_title="", working_days=10)
        TimelinessRule.objects.get_or_create(
            level="county", column_title="通知公告", working_days=5
        )

        def count_rows():
            total = 0
            for schema in site_schemas():
                with connection.cursor() as cursor:
                    cursor.execute(f'SELECT count(*) FROM "{schema}".wagtailcore_page')
                    total += cursor.fetchone()[0]
            return total

        anchor = timed("anchor: count(*) of every schema's pages", count_rows)
        full = timed(f"full timeliness scan of {sites} sites (columns)", scan_all)
        print(f"  scan / anchor: {full / anchor:.1f}x; floor < 60 s")
        mark_schema_changed(site_schemas()[-1])
        timed("incremental scan after one schema changed (columns)", scan_changed)
        timed("incremental scan with nothing changed (columns)", scan_changed)
        timed("evaluation of 3 rules (new, cleared)", evaluate)
        timed("statistics for this month (nodes)", refresh_month, timezone.localdate())
        timed(
            "statistics for last month (nodes)",
            refresh_month,
            timezone.localdate().replace(day=1) - timedelta(days=1),
        )

        province = Node.objects.get(depth=1)
        user = UserFactory._meta.model.objects.filter(username="bench_sheng").first()
        user = user or UserFactory(username="bench_sheng", roles=[(province, "webmaster")])
        client = Client()
        client.force_login(user)
        host = province.primary_domain
        anchor_page = median_ms(client, "/admin/account/", host, args.requests)
        for label, url in [
            ("统计分析 (this month)", "/admin/operations/statistics/"),
            ("统计分析 (twelve months)", "/admin/operations/statistics/?period=year"),
            ("更新监测", "/admin/operations/timeliness/"),
        ]:
            page = median_ms(client, url, host, args.requests)
            print(
                f"province {label} over {sites} sites: median {page:.0f} ms; Wagtail's "
                f"account page {anchor_page:.0f} ms; ratio {page / anchor_page:.2f}; "
                f"floor < 200 ms; load {os.getloadavg()[0]:.2f}"
            )
    finally:
        connection.set_schema_to_public()
        if not args.keep:
            teardown_databases(config, verbosity=0)


def add_grassroots(county, args, rng, kinds, connection, execute_values, Page):
    """Townships and villages of one county: bare nodes, and their sites' pages written
    straight into the county's schema (home, six columns, a few articles each)."""
    from django.utils import timezone  # after django.setup(), as in main()

    from network.models import Node

    schema = county.tenant.schema_name
    nodes, site_codes = [], []
    for t in range(args.townships):
        town_path = Node._get_path(county.path, county.depth + 1, t + 1)
        town_code = f"{county.code}{t + 1:03d}"
        nodes.append(Node(path=town_path, depth=county.depth + 1, numchild=args.per_township,
                          code=town_code, name=f"镇{town_code}", level="township",
                          tenant_id=county.tenant_id))  # fmt: skip
        site_codes.append(town_code)
        for v in range(args.per_township):
            code = f"{town_code}{v + 1:03d}"
            nodes.append(Node(path=Node._get_path(town_path, county.depth + 2, v + 1),
                              depth=county.depth + 2, numchild=0, code=code, name=f"村{code}",
                              level="village", tenant_id=county.tenant_id))  # fmt: skip
            site_codes.append(code)
    Node.objects.bulk_create(nodes, batch_size=2000)
    Node.objects.filter(pk=county.pk).update(numchild=args.townships)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(f'SET search_path TO "{schema}", public')
        cursor.execute("SELECT path, numchild, locale_id FROM wagtailcore_page WHERE depth = 1")
        root_path, root_children, locale = cursor.fetchone()
        pages, homes, columns, articles = [], [], [], []

        def page(path, title, kind, numchild, published=None):
            pages.append((path, len(path) // 4, numchild, title, f"p{len(pages)}", True, False,
                          f"/{path}/", "", False, "", False, kind, False, title,
                          str(uuid.uuid4()), locale, published, published))  # fmt: skip

        for i, code in enumerate(site_codes):
            home = root_path + Page._int2str(root_children + i + 1).rjust(4, "0")
            page(home, f"站点{code}", kinds["home"], len(COLUMNS))
            homes.append((home, code))
            # most sites publish weekly; one in ten has been silent for two months
            silent = rng.random() < 0.1
            for j, title in enumerate(COLUMNS):
                column = home + Page._int2str(j + 1).rjust(4, "0")
                per_column = args.articles // len(COLUMNS) + (j < args.articles % len(COLUMNS))
                page(column, title, kinds["column"], per_column)
                columns.append(column)
                for k in range(per_column):
                    age = rng.uniform(60, 400) if silent else rng.uniform(0, 30)
                    when = now - timedelta(days=age)
                    path = column + Page._int2str(k + 1).rjust(4, "0")
                    page(path, f"文章{code}-{j}-{k}", kinds["article"], 0, when)
                    articles.append((path, when))
        ids = dict(
            execute_values(
                cursor,
                "INSERT INTO wagtailcore_page (path, depth, numchild, title, slug, live, "
                "has_unpublished_changes, url_path, seo_title, show_in_menus, "
                "search_description, expired, content_type_id, locked, draft_title, "
                "translation_key, locale_id, first_published_at, last_published_at) "
                "VALUES %s RETURNING path, id",
                pages,
                page_size=2000,
                fetch=True,
            )
        )
        execute_values(
            cursor,
            "INSERT INTO xfsites_homepage (page_ptr_id, node_code, intro, shared_blocks) VALUES %s",
            [(ids[path], code, "", "[]") for path, code in homes],
        )
        execute_values(
            cursor,
            "INSERT INTO xfsites_columnpage (page_ptr_id, intro, kind) VALUES %s",
            [(ids[path], "", "news") for path in columns],
        )
        execute_values(
            cursor,
            "INSERT INTO xfsites_articlepage (page_ptr_id, date, source, author, summary, body, "
            "is_headline) VALUES %s",
            [(ids[path], when, "", "", "", "[]", False) for path, when in articles],
            page_size=2000,
        )
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE depth = 1",
            [len(site_codes)],
        )
        cursor.execute("SET search_path TO public")
    for path, code in homes:
        Node.objects.filter(code=code).update(root_page_id=ids[path])


if __name__ == "__main__":
    main()
