"""Places for many new nodes of a materialised-path tree (treebeard's MP_Node: the
network's nodes, Wagtail's pages and collections), worked out in memory so that they
are written with one bulk insert instead of one `add_child` each.

A node gets the path treebeard's `add_child` would give it: the step after its
parent's last child. Parents already saved are locked while their children are
counted, so two processes adding under the same parent queue rather than collide.
"""

from collections import Counter

from django.db import connection
from django.db.models import F
from treebeard.exceptions import PathOverflow


def step_key(model, step: int) -> str:
    """The path step of the `step`-th child (1-based), as treebeard writes it."""
    key = model._int2str(step)
    if len(key) > model.steplen:
        raise PathOverflow(f"{model.__name__} 的下级节点数超过路径容量。")
    return key.rjust(model.steplen, model.alphabet[0])


class ChildSlots:
    """Allots paths under saved parents, under parents placed in the same batch, or at
    the root (parent None)."""

    def __init__(self, model):
        if model.node_order_by:
            raise ValueError(f"{model.__name__} sorts its siblings: use insert_sorted_children")
        self.model = model
        self._next_step: dict[str, int] = {}
        self._added: Counter[str] = Counter()
        self._saved_parents: dict[str, object] = {}

    def place(self, node, parent) -> None:
        """Give `node` (unsaved) its path and depth as the next child of `parent`."""
        parent_path = parent.path if parent is not None else ""
        if parent_path not in self._next_step:
            self._next_step[parent_path] = self._first_free_step(parent)
        step = self._next_step[parent_path]
        self._next_step[parent_path] = step + 1
        self._added[parent_path] += 1
        node.path = parent_path + step_key(self.model, step)
        node.depth = (parent.depth if parent is not None else 0) + 1
        node.numchild = 0
        # A node placed here is a new parent for nodes placed after it.
        self._next_step[node.path] = 1

    def _first_free_step(self, parent) -> int:
        if parent is None:
            last = self.model.get_last_root_node()
            return self._step_of(last.path) + 1 if last else 1
        if parent.pk is None:
            return 1
        self._saved_parents[parent.path] = parent
        last = _lock_children_of(self.model, parent).values_list("path", flat=True).last()
        return self._step_of(last) + 1 if last else 1

    def _step_of(self, path: str) -> int:
        return self.model._str2int(path[-self.model.steplen :])

    def count_children(self, nodes) -> None:
        """Before the insert: set numchild of the new nodes that received children."""
        for node in nodes:
            node.numchild = self._added.get(node.path, 0)

    def update_saved_parents(self) -> None:
        """After the insert: add the new children to the saved parents' numchild."""
        for path, parent in self._saved_parents.items():
            _add_children(self.model, parent, self._added[path])


def insert_sorted_children(model, parent, new_nodes) -> None:
    """Insert new children of a saved parent for a model that keeps siblings in
    `node_order_by` order (Wagtail's collections, by name), as treebeard's sorted
    `add_child` would place them one by one: new and existing children sorted together
    the way the database sorts the column, existing branches moved only where their
    place changes (in two statements), the new rows in one insert."""
    (field,) = model.node_order_by  # one text column: the database orders it below
    existing = list(_lock_children_of(model, parent).values_list("path", field))
    names = [name for _, name in existing] + [getattr(node, field) for node in new_nodes]
    with connection.cursor() as cursor:
        # ties keep the existing first and the new in their order (treebeard puts a
        # new node after the siblings it equals)
        cursor.execute(
            "SELECT position FROM unnest(%s::text[]) WITH ORDINALITY AS t(name, position) "
            "ORDER BY name, position",
            [names],
        )
        order = [position - 1 for (position,) in cursor.fetchall()]
    paths = {i: parent.path + step_key(model, step) for step, i in enumerate(order, 1)}
    moves = [(old, paths[i]) for i, (old, _) in enumerate(existing) if paths[i] != old]
    _move_branches(model, moves)
    for i, node in enumerate(new_nodes, len(existing)):
        node.path, node.depth, node.numchild = paths[i], parent.depth + 1, 0
    model._default_manager.bulk_create(new_nodes)
    _add_children(model, parent, len(new_nodes))


def _lock_children_of(model, parent):
    """Lock the parent row (its numchild changes, and its children are read now); its
    children, in path order."""
    manager = model._default_manager
    manager.select_for_update().filter(pk=parent.pk).values("pk").get()
    return manager.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("path")


def _add_children(model, parent, count: int) -> None:
    model._default_manager.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    parent.numchild += count


def _move_branches(model, moves) -> None:
    """Give each (old, new) sibling path and its branch the new path: first to a name no
    path has ("~" is outside treebeard's alphabet), then to the new one, so that no row
    ever takes a path another row still holds."""
    if not moves:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    width = len(moves[0][0])
    for pairs in (
        [(old, "~" + new[1:]) for old, new in moves],
        [("~" + new[1:], new) for _, new in moves],
    ):
        values = ", ".join(["(%s, %s)"] * len(pairs))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS t SET path = v.new || substr(t.path, {width + 1}) "
                f"FROM (VALUES {values}) AS v(old, new) WHERE substr(t.path, 1, {width}) = v.old",
                [part for pair in pairs for part in pair],
            )
