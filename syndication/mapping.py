"""栏目映射: which of its own columns a node accepts its children's stories into.

A reviewer who does not pick a column gets the mapped one: the node's own mapping of
the story's origin column (every village's 村务公开 → the township's 基层动态), else
the province's default, which names the receiving column by its title.
"""

from django.db import transaction
from django_tenants.utils import schema_context

from network.levels import RANK, Level
from network.models import Node, Role
from network.roles import user_speaks_for_the_province
from sites.columns import standard_columns
from sites.lookup import home_path
from sites.models import ColumnPage

from .errors import SyndicationError
from .models import ColumnMapping
from .permissions import SyndicationDenied, require, roles_on

TITLE_LENGTH = 100


def columns_of(node: Node) -> list:
    with schema_context(node.tenant.schema_name):
        return list(ColumnPage.objects.filter(path__startswith=home_path(node)).order_by("path"))


def column_belongs_to(column, node: Node) -> bool:
    with schema_context(node.tenant.schema_name):
        return ColumnPage.objects.filter(pk=column.pk, path__startswith=home_path(node)).exists()


def mapped_column(node: Node, from_title: str, columns=None):
    """The column of the node a story from its children's column `from_title` goes
    to by default, or None when no mapping names a column the node has."""
    if not from_title:
        return None
    columns = columns_of(node) if columns is None else columns
    own = ColumnMapping.objects.filter(node=node, from_title=from_title).first()
    if own is not None:
        found = next((column for column in columns if column.pk == own.column_page_id), None)
        if found is not None:
            return found
    default = ColumnMapping.objects.filter(node=None, from_title=from_title).first()
    if default is None:
        return None
    titled = [column for column in columns if column.title == default.column_title]
    # a top column before a sub-column of the same name
    return min(titled, key=lambda column: column.depth, default=None)


def child_column_titles(node: Node) -> list[str]:
    """The columns stories reach the node from: the standard columns of the levels
    below it, then any other origin column already mapped here or by default."""
    below = set(node.get_children().values_list("level", flat=True))
    if not below and node.level != Level.VILLAGE:
        below = {Level.values[RANK[node.level] + 1]}
    titles = [
        title for level in Level.values if level in below for title in standard_columns(level)
    ]
    mapped = ColumnMapping.objects.filter(node__in=[node, None]).values_list(
        "from_title", flat=True
    )
    return list(dict.fromkeys([*titles, *sorted(mapped)]))


def all_standard_titles() -> list[str]:
    """Every level's standard columns: what the province's defaults are set for."""
    return list(dict.fromkeys(title for level in Level.values for title in standard_columns(level)))


def node_mappings(node: Node) -> dict[str, ColumnMapping]:
    return {m.from_title: m for m in ColumnMapping.objects.filter(node=node)}


def default_mappings() -> dict[str, ColumnMapping]:
    return {m.from_title: m for m in ColumnMapping.objects.filter(node=None)}


def may_map_columns(user, node: Node) -> bool:
    """A node's webmaster sets its mapping (the reviewers use it)."""
    return user.is_superuser or Role.WEBMASTER in roles_on(user, node)


# the province's webmaster sets the network-wide defaults
may_set_default_mapping = user_speaks_for_the_province


def _clean_title(title: str, label: str) -> str:
    title = (title or "").strip()
    if not title:
        raise SyndicationError(f"请填写{label}。")
    if len(title) > TITLE_LENGTH:
        raise SyndicationError(f"{label}不能超过{TITLE_LENGTH}个字。")
    return title


def set_column_mapping(*, user, node: Node, from_title: str, column) -> ColumnMapping | None:
    """Map the children's column `from_title` to one of the node's columns; None
    clears the node's own mapping (the province's default applies again)."""
    require(may_map_columns(user, node), "只有本站站长可以设置栏目映射。")
    from_title = _clean_title(from_title, "下级栏目名称")
    if column is None:
        ColumnMapping.objects.filter(node=node, from_title=from_title).delete()
        return None
    require(column_belongs_to(column, node), "只能映射到本站的栏目。")
    mapping, _ = ColumnMapping.objects.update_or_create(
        node=node,
        from_title=from_title,
        defaults={"column_page_id": column.pk, "column_title": column.title},
    )
    return mapping


def set_default_mapping(*, user, from_title: str, to_title: str) -> ColumnMapping | None:
    """The province's default: stories from `from_title` go to the receiving node's
    column titled `to_title`; an empty `to_title` removes the default."""
    require(may_set_default_mapping(user), "只有省级站长可以设置全网默认栏目映射。")
    from_title = _clean_title(from_title, "下级栏目名称")
    if not (to_title or "").strip():
        ColumnMapping.objects.filter(node=None, from_title=from_title).delete()
        return None
    to_title = _clean_title(to_title, "采用栏目名称")
    with transaction.atomic():
        mapping, _ = ColumnMapping.objects.update_or_create(
            node=None, from_title=from_title, defaults={"column_title": to_title}
        )
    return mapping


__all__ = ["SyndicationDenied"]
