"""Bulk inserts of multi-table-inherited rows (Wagtail's pages and workflow tasks).

Django's `bulk_create` refuses child models of multi-table inheritance. A site's
pages are made in their hundreds when a county is provisioned, so the rows go in one
insert per table: the base table's through its manager (which returns the new ids),
then the child table's with the parent link set to them.
"""

from collections import defaultdict


def insert_inherited(objs) -> None:
    """Insert unsaved instances of models with one concrete parent (HomePage, ColumnPage,
    GroupApprovalTask …); each gets its id as `bulk_create` would give it."""
    by_model = defaultdict(list)
    for obj in objs:
        by_model[type(obj)].append(obj)
    for model, items in by_model.items():
        parents = model._meta.get_parent_list()
        if len(parents) != 1:
            raise ValueError(f"{model.__name__} must have exactly one concrete parent model")
        (base,) = parents
        base._base_manager.bulk_create(items)
        link = model._meta.parents[base]
        for item in items:
            setattr(item, link.attname, getattr(item, base._meta.pk.attname))
        # Django's own per-row save inserts a child table row with this same call.
        model._base_manager._insert(items, fields=model._meta.local_concrete_fields)
