"""A 19,000-site network's worth of nodes and party roll-ups, inserted in bulk for the
statistics benchmark: the figures page reads only the node tree and the roll-ups,
so these nodes need no site or schema (issue 13 measures provisioning them)."""

import random
from collections import Counter

from network.models import Node
from partyaffairs.figures import add_figures
from partyaffairs.ledger.models import NodeFigures


def _own(rng):
    members = rng.randint(15, 60)
    return {
        "status": {"full": members - 3, "probationary": 2, "mobile": 1},
        "gender": {"男": members // 2, "女": members - members // 2},
        "education": {"高中": members // 2, "大学本科": members - members // 2},
        "ethnicity": {"汉族": members},
        "birth_year": dict(Counter(str(rng.randint(1940, 2000)) for _ in range(members))),
        "join_year": dict(Counter(str(rng.randint(1970, 2025)) for _ in range(members))),
        "organisation_kind": {"branch": 1},
        "term_ends_on": {f"202{rng.randint(5, 9)}-0{rng.randint(1, 9)}-01": 1},
        "recruit_stage": {"activist": rng.randint(0, 3)},
        "meeting_quarter": {"2026Q3": rng.randint(3, 9), "2026Q4": rng.randint(0, 6)},
    }


def add_bare_network(counties, townships, per_township, seed=13):
    """Cities, counties, townships and villages under the province (bare nodes), each
    with own and rolled-up figures. Returns the number of nodes in the network."""
    rng = random.Random(seed)
    province = Node.objects.get(depth=1)
    tenant_id = province.tenant_id
    rows, figures, parents = [], {}, {}

    def child(parent_path, index, code, level):
        path = Node._get_path(parent_path, len(parent_path) // Node.steplen + 1, index)
        rows.append(Node(path=path, depth=len(path) // Node.steplen, numchild=0, code=code,
                         name=f"{level}{code}", level=level, tenant_id=tenant_id))  # fmt: skip
        parents[path] = parent_path
        return path

    start = province.numchild + 1
    cities = [child(province.path, start + c, f"35{c:02d}00", "city") for c in range(16)]
    for k in range(counties):
        county = child(cities[k % 16], k // 16 + 1, f"35{k % 16:02d}{k // 16 + 1:02d}", "county")
        for t in range(townships):
            town = child(county, t + 1, f"35{k:03d}{t:03d}", "township")
            for v in range(per_township):
                village = child(town, v + 1, f"35{k:03d}{t:03d}{v:03d}", "village")
                figures[village] = _own(rng)
    children = Counter(parents.values())
    for node in rows:
        node.numchild = children.get(node.path, 0)
    Node.objects.bulk_create(rows, batch_size=2000)
    Node.objects.filter(pk=province.pk).update(numchild=province.numchild + 16)
    subtree = dict(figures)
    for node in sorted(rows, key=lambda n: -n.depth):
        parent = parents[node.path]
        subtree.setdefault(node.path, {})
        subtree[parent] = add_figures(subtree.get(parent, {}), subtree[node.path])
    ids = dict(Node.objects.filter(path__in=subtree).values_list("path", "pk"))
    NodeFigures.objects.bulk_create(
        [NodeFigures(node_id=ids[path], own=figures.get(path, {}), subtree=sums)
         for path, sums in subtree.items() if path in ids],
        batch_size=2000,
    )  # fmt: skip
    NodeFigures.objects.update_or_create(node=province, defaults={"subtree": subtree.get(
        province.path, {})})  # fmt: skip
    return Node.objects.count()
