"""A text picture of the node tree, for `manage.py network tree`."""

from .models import Node


def describe_storage(node: Node) -> str:
    if node.owns_its_schema:
        return f"独立模式 {node.tenant.schema_name}"
    return f"站点 #{node.site_id}，位于模式 {node.tenant.schema_name}"


def render_tree(root: Node | None = None, levels: int | None = None):
    """Lines of the tree from `root` (the province), `levels` deep at most (all)."""
    nodes = Node.get_tree(root).select_related("tenant").prefetch_related("domains")
    base_depth = root.depth if root else 1
    if levels is not None:
        nodes = nodes.filter(depth__lt=base_depth + levels)
    for node in nodes:
        domains = ", ".join(d.domain for d in node.domains.all() if d.is_primary)
        indent = "  " * (node.depth - base_depth)
        below = (
            f"  （下级 {node.numchild} 个未列出）"
            if levels and node.numchild and (node.depth == base_depth + levels - 1)
            else ""
        )
        yield (
            f"{indent}{node.name}（{node.code}，{node.get_level_display()}）"
            f"  {domains}  [{describe_storage(node)}]{describe_activity(node)}{below}"
        )


def describe_activity(node: Node) -> str:
    if node.activity_refreshed_at is None:
        return ""
    last = node.last_published_at.strftime("%Y-%m-%d") if node.last_published_at else "从未"
    return f"  文章 {node.article_count} 篇，最近发布 {last}"
