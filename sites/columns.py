"""The standard columns (栏目) a new site starts with, by level.

Backbone sites carry the full portal set; grassroots sites a shorter one aimed at
disclosure and local news (after the 先锋网 "万村网页" pages: 党务政务公开, 党员教育,
美好乡村建设, 农产品信息).
"""

from network.levels import Level

BACKBONE_COLUMNS = [
    "通知公告",
    "党建要闻",
    "基层动态",
    "领导讲话",
    "党务公开",
    "网上党校",
    "党员风采",
    "专题活动",
]

TOWNSHIP_COLUMNS = [
    "通知公告",
    "党建要闻",
    "基层动态",
    "党务公开",
    "党员风采",
    "专题活动",
]

VILLAGE_COLUMNS = [
    "通知公告",
    "党务公开",
    "村务公开",
    "党员教育",
    "美好乡村",
    "农产品信息",
]

STANDARD_COLUMNS = {
    Level.PROVINCE: BACKBONE_COLUMNS,
    Level.CITY: BACKBONE_COLUMNS,
    Level.COUNTY: BACKBONE_COLUMNS,
    Level.TOWNSHIP: TOWNSHIP_COLUMNS,
    Level.VILLAGE: VILLAGE_COLUMNS,
}


def standard_columns(level: str) -> list[str]:
    return list(STANDARD_COLUMNS[level])


# the seeds' disclosure columns: their notices carry a 公示期
DISCLOSURE_COLUMNS = frozenset({"党务公开", "村务公开"})
