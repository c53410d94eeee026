"""A province file the size of Anhui's network (seeds/004: 122 backbone sites and some
19,000 township and village sites), for building and measuring the full network:
`manage.py network generate FILE`, then `manage.py network import FILE`.

Codes follow the administrative pattern (6-digit province, cities and counties,
9-digit townships, 12-digit villages, each under its parent's); names are made from
common place-name syllables (never a real village's), unique among siblings; domains
are `<code>.<suffix>`. The same seed gives the same file.
"""

import csv
import random
from pathlib import Path

from .importer import COLUMNS

# Anhui's 16 prefecture-level cities and their county-level divisions (105 in all)
CITIES = [
    ("3401", "合肥", 9), ("3402", "芜湖", 7), ("3403", "蚌埠", 7), ("3404", "淮南", 7),
    ("3405", "马鞍山", 6), ("3406", "淮北", 4), ("3407", "铜陵", 4), ("3408", "安庆", 10),
    ("3410", "黄山", 7), ("3411", "滁州", 8), ("3412", "阜阳", 9), ("3413", "宿州", 5),
    ("3415", "六安", 7), ("3416", "亳州", 4), ("3417", "池州", 4), ("3418", "宣城", 7),
]  # fmt: skip
FIRST = "安宁平和新兴丰永康泰长清德福明华东西南北中双金石桥河湾山岗塘林庄集"
SECOND = "阳山河湖桥店集圩岭塘港湾园坝寺庙镇口关岗冲沟洼庄台营"
TOWNSHIPS_PER_COUNTY = 12
VILLAGES_PER_TOWNSHIP = 15


def province_rows(
    *, townships=TOWNSHIPS_PER_COUNTY, villages=VILLAGES_PER_TOWNSHIP, suffix="ahxf.localhost",
    seed=2026,
) -> list[tuple[str, str, str, str, str]]:  # fmt: skip
    """(code, parent_code, level, name, domain) of every node, parents first."""
    rng = random.Random(seed)
    rows = [("340000", "", "province", "安徽先锋网", f"www.{suffix}")]
    for city, city_name, counties in CITIES:
        city_code = f"{city}00"
        rows.append((city_code, "340000", "city", f"{city_name}先锋网", f"{city_code}.{suffix}"))
        county_names = _names(rng, counties, "县")
        for c in range(counties):
            county = f"{city}{c + 21:02d}"
            rows.append((county, city_code, "county", f"{county_names[c]}先锋网",
                         f"{county}.{suffix}"))  # fmt: skip
            town_names = _names(rng, townships, "镇")
            for t in range(townships):
                town = f"{county}{t + 100:03d}"
                rows.append((town, county, "township", town_names[t], f"{town}.{suffix}"))
                village_names = _names(rng, villages, "村")
                for v in range(villages):
                    village = f"{town}{v + 200:03d}"
                    kind = "社区" if v % 7 == 0 else "村"
                    name = village_names[v].removesuffix("村") + kind
                    rows.append((village, town, "village", name, f"{village}.{suffix}"))
    return rows


def _names(rng, count: int, ending: str) -> list[str]:
    """`count` different two-character names with their ending (安阳镇, 丰桥村 …)."""
    pairs = [a + b for a in FIRST for b in SECOND]
    return [name + ending for name in rng.sample(pairs, count)]


def write_province_csv(path: Path, **options) -> int:
    """Write the file; returns how many nodes it holds."""
    rows = province_rows(**options)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return len(rows)
