"""The five administrative levels of the network and the rules between them."""

from django.conf import settings
from django.db import models


class Level(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县（市、区）"
    TOWNSHIP = "township", "乡镇（街道）"
    VILLAGE = "village", "村（社区）"


# Each level sits directly under the one before it: a village under a township,
# never under a county or a city.
RANK = {level: rank for rank, level in enumerate(Level.values)}


def parent_level_of(level: str) -> str | None:
    rank = RANK[level]
    return Level.values[rank - 1] if rank else None


def is_grassroots(level: str) -> bool:
    """Township and village sites: their news is written to be 报送 up the tree."""
    return level in (Level.TOWNSHIP, Level.VILLAGE)


def owns_schema(level: str) -> bool:
    """Whether a node of this level gets a PostgreSQL schema of its own."""
    return level in settings.XFNET_SCHEMA_LEVELS


def is_backbone(level: str) -> bool:
    return level in (Level.PROVINCE, Level.CITY, Level.COUNTY)
