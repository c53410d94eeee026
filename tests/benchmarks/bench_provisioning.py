"""Provisioning speed: the big import, then single grassroots and backbone nodes."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")


def build_rows(cities, counties, villages):
    rows = [("340000", "", "province", "安徽先锋网", "anhui.bench.localhost")]
    city_codes = [f"34{c + 1:02d}00" for c in range(cities)]
    rows += [
        (code, "340000", "city", f"市{code}", f"c{code}.bench.localhost") for code in city_codes
    ]
    county_codes = []
    for k in range(counties):
        city = city_codes[k % cities]
        code = f"{city[:4]}{k // cities + 1:02d}"
        county_codes.append(code)
        rows.append((code, city, "county", f"县{code}", f"k{code}.bench.localhost"))
    towns = []
    for code in county_codes:
        town = f"{code}100"
        towns.append(town)
        rows.append((town, code, "township", f"镇{town}", f"t{town}.bench.localhost"))
    for v in range(villages):
        town = towns[v % len(towns)]
        code = f"{town}{v // len(towns) + 201:03d}"
        rows.append((code, town, "village", f"村{code}", f"v{code}.bench.localhost"))
    return rows


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def summary(samples):
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    median = statistics.median(ordered)
    return f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, n={len(ordered)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cities", type=int, default=16)
    parser.add_argument("--counties", type=int, default=105)
    parser.add_argument("--villages", type=int, default=2000)
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from network.models import Node
    from provisioning.importer import import_nodes
    from provisioning.nodes import NodeSpec, add_node

    settings.DATABASES["default"]["TEST"]["NAME"] = "xfnet_bench"
    config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        rows = build_rows(args.cities, args.counties, args.villages)
        specs = [
            (i + 2, NodeSpec.clean(code=c, parent_code=p, level=lv, name=n, domain=d))
            for i, (c, p, lv, n, d) in enumerate(rows)
        ]
        result, seconds = timed(import_nodes, specs, sys.stderr)
        print(
            f"import: {result.added} nodes ({args.cities} cities, {args.counties} counties, "
            f"{args.counties} townships, {args.villages} villages) in {seconds:.0f} s "
            f"({seconds / 60:.1f} min)"
        )

        town = Node.objects.filter(level="township").first()
        city = Node.objects.filter(level="city").first()
        grassroots, backbone = [], []
        for i in range(args.samples):
            spec = NodeSpec.clean(
                code=f"{town.code}{900 + i:03d}", parent_code=town.code, level="village",
                name=f"样本村{i}", domain=f"sample{i}.bench.localhost",
            )  # fmt: skip
            grassroots.append(timed(add_node, spec)[1])
        for i in range(max(5, args.samples // 3)):
            spec = NodeSpec.clean(
                code=f"{city.code[:4]}{90 + i:02d}", parent_code=city.code, level="county",
                name=f"样本县{i}", domain=f"county{i}.bench.localhost",
            )  # fmt: skip
            backbone.append(timed(add_node, spec)[1])
        print(f"add village (network of {Node.objects.count()} nodes): {summary(grassroots)}")
        print(f"add county (schema clone): {summary(backbone)}")
    finally:
        connection.set_schema_to_public()
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
