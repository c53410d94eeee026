"""学习积分, the read side: a member's total and rank in their organisation, and the
rankings officers read and export (members, and organisations) for a subtree and a
period."""

from dataclasses import dataclass, field

from syndication.points import member_points, member_ranking


@dataclass
class Standing:
    total: int = 0
    rank: int | None = None
    ranked: int = 0  # members of the organisation with points
    organisation: str = ""
    awards: list = field(default_factory=list)


def standing(account, organisation: str) -> Standing:
    awards = member_points(account.user)
    total = sum(award.points for award in awards)
    rows = member_ranking(node=account.node, organisation=organisation)
    rank = next((row["rank"] for row in rows if row["user_id"] == account.user_id), None)
    return Standing(total, rank, len(rows), organisation, awards)


def organisation_ranking(rows) -> list[dict]:
    """Member rows summed per (site, organisation), best total first."""
    groups: dict[tuple, dict] = {}
    for row in rows:
        key = (row["node__code"], row["organisation"])
        group = groups.setdefault(key, {
            "node__code": row["node__code"], "node__name": row["node__name"],
            "organisation": row["organisation"] or "（未登记组织）", "members": 0, "points": 0,
        })  # fmt: skip
        group["members"] += 1
        group["points"] += row["points"]
    ordered = sorted(groups.values(), key=lambda g: (-g["points"], g["node__code"]))
    for rank, group in enumerate(ordered, 1):
        group["rank"] = rank
        group["average"] = round(group["points"] / group["members"], 1)
    return ordered
