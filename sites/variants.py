"""How much a home page shows, per level: the province portal shows more, a village
site is simpler (the alliance look draws it; colours, name and footer are per site)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    level: str
    headlines: int  # 头条: the articles with pictures the home page leads with
    latest_per_column: int
    child_sites: bool  # list the sites one level down
    tagline: str
    portal: bool = False  # 图片新闻 carousel beside a 要闻 list, and a 视频 section


VARIANTS = {
    "province": Variant("province", 5, 8, True, "全省党建网站群门户", portal=True),
    "city": Variant("city", 4, 7, True, "党建网站群", portal=True),
    "county": Variant("county", 4, 6, True, "党建网站群"),
    "township": Variant("township", 3, 5, True, "基层党建"),
    "village": Variant("village", 3, 5, False, "基层党建"),
}


def variant_for(node) -> Variant:
    return VARIANTS.get(getattr(node, "level", None), VARIANTS["county"])
