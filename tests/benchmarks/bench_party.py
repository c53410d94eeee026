"""党务管理 at size (issue 15), each figure beside its anchor in the same run:

1. importing 30,000 members into one county's villages (check + write, the service the
   admin's upload and the worker use), beside a bare `bulk_create` of the same rows;
2. a member's record page with its history (as the county's 组织员), and
3. the province's statistics page over a 19,000-site network's roll-ups (as a
   领导查询), both beside Wagtail's own account page for the same user.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")


def median_ms(client, url, host, n):
    client.get(url, HTTP_HOST=host)  # warm
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=30000)
    parser.add_argument("--villages", type=int, default=20)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--counties", type=int, default=105)
    parser.add_argument("--townships", type=int, default=10, help="per county")
    parser.add_argument("--per-township", type=int, default=17, help="villages per township")
    args = parser.parse_args()

    import django

    django.setup()
    from bench_party_network import add_bare_network
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_databases, teardown_databases
    from django_tenants.utils import schema_context

    from network.factories import UserFactory
    from network.models import Node
    from partyaffairs.factories import id_number
    from partyaffairs.importing import Scope, _member, check_rows, run_import, start_import
    from partyaffairs.models import Member, Organisation
    from partyaffairs.queries import member_record
    from partyaffairs.registering import change_member
    from partyaffairs.spreadsheets import COLUMNS, read_table, workbook_bytes
    from provisioning.nodes import NodeSpec, add_node

    settings.DATABASES["default"]["TEST"]["NAME"] = "xfnet_bench_party"
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        tree = [
            ("340000", None, "province"),
            ("340100", "340000", "city"),
            ("340111", "340100", "county"),
            ("340111001", "340111", "township"),
        ]
        tree += [(f"340111001{v + 1:03d}", "340111001", "village") for v in range(args.villages)]
        for code, parent, level in tree:
            add_node(
                NodeSpec.clean(
                    code=code,
                    parent_code=parent,
                    level=level,
                    name=f"{level}{code}",
                    domain=f"n{code}.bench.localhost",
                )
            )
        county = Node.objects.select_related("tenant").get(code="340111")
        villages = list(Node.objects.filter(level="village").select_related("tenant"))
        officer = UserFactory(username="bench_zuzhi", roles=[(county, "organiser")])
        with schema_context(county.tenant.schema_name):
            for village in villages:
                Organisation.objects.create(
                    node_code=village.code, name=f"{village.name}党支部", kind="branch"
                )
        rng = random.Random(15)
        rows = []
        for i in range(args.members):
            village = villages[i % len(villages)]
            birth = date(rng.randint(1940, 2000), rng.randint(1, 12), rng.randint(1, 28))
            rows.append(
                [
                    f"党员{i}",
                    "男女"[i % 2],
                    "汉族",
                    birth,
                    id_number("340111", birth, rng),
                    "高中",
                    date(birth.year + 25, 7, 1),
                    date(birth.year + 26, 7, 1),
                    f"{village.name}党支部",
                    village.code,
                    "13900000000",
                    "正式党员",
                ]
            )
        content = workbook_bytes("党员", list(COLUMNS), rows)
        print(
            f"spreadsheet: {args.members} rows, {len(content) / 1e6:.1f} MB, "
            f"{len(villages)} villages; load {os.getloadavg()[0]:.2f}"
        )

        with schema_context(county.tenant.schema_name):
            # anchor: the same rows, already parsed and checked, written by one bulk_create
            checked, _ = check_rows(read_table("m.xlsx", content), Scope.of(county))
            start = time.perf_counter()
            Member.objects.bulk_create([_member(dict(d)) for _, d in checked], batch_size=2000)
            bare = time.perf_counter() - start
            Member.objects.all().delete()

            start = time.perf_counter()
            job = start_import(officer, county, "党员.xlsx", content)
            checked_in = time.perf_counter() - start
            job = run_import(job, county)
            total = time.perf_counter() - start
            assert job.state == "done" and job.rows_done == args.members, job.error
            member = Member.objects.filter(node_code=villages[0].code).first()
            for phone in ("13911111111", "13922222222", "13933333333"):
                data = {
                    f: getattr(member, f)
                    for f in (
                        "name",
                        "gender",
                        "birth_date",
                        "ethnicity",
                        "education",
                        "joined_on",
                        "full_member_on",
                        "status",
                    )
                }
                change_member(
                    officer,
                    villages[0],
                    member,
                    {**data, "phone": phone, "organisation": member.organisation},
                )
        connection.set_schema_to_public()
        print(
            f"import: {total:.1f} s (check {checked_in:.1f} s, write {total - checked_in:.1f} s); "
            f"bare bulk_create {bare:.1f} s; ratio {total / bare:.1f}x; floor < 120 s; "
            f"load {os.getloadavg()[0]:.2f}"
        )

        client = Client()
        client.force_login(officer)
        host = "n340111.bench.localhost"
        record = median_ms(
            client, f"/admin/party/{villages[0].code}/members/{member.uuid}/", host, args.requests
        )
        anchor = median_ms(client, "/admin/account/", host, args.requests)
        start = time.perf_counter()
        for _ in range(args.requests):
            member_record(officer, villages[0], member.uuid)
        own = (time.perf_counter() - start) * 1000 / args.requests
        print(f"member record (its queries, decryption and audit line): {own:.1f} ms")
        print(
            f"member record page: median {record:.0f} ms; Wagtail's account page "
            f"{anchor:.0f} ms; ratio {record / anchor:.2f}; floor < 100 ms; "
            f"load {os.getloadavg()[0]:.2f}"
        )

        sites = add_bare_network(args.counties, args.townships, args.per_township)
        leader = UserFactory(
            username="bench_lingdao", roles=[(Node.objects.get(code="340000"), "leader")]
        )
        client.force_login(leader)
        host = "n340000.bench.localhost"
        page = median_ms(client, "/admin/party/340000/figures/", host, args.requests)
        anchor = median_ms(client, "/admin/account/", host, args.requests)
        print(
            f"province statistics page over {sites} sites' roll-ups: median {page:.0f} ms; "
            f"Wagtail's account page {anchor:.0f} ms; ratio {page / anchor:.2f}; "
            f"floor < 200 ms; load {os.getloadavg()[0]:.2f}"
        )
    finally:
        connection.set_schema_to_public()
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
