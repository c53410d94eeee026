"""Wagtail's admin search index for the home and column pages, batched while a whole
site is being built.

Wagtail indexes each page on save, a dozen queries a page. These two page types opt
out of that (`search_auto_update = False`, Wagtail's documented switch) and are
indexed here through the backends' public `add`/`add_bulk`/`delete`: one by one as
they are saved, or, when a whole site is built in bulk (sites.node_site), in one bulk
call per model.
"""

from collections import defaultdict

from django.db.models.signals import post_delete, post_save
from modelsearch.backends import get_search_backends


def _backends():
    return get_search_backends(with_auto_update=True)


def _index_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for backend in _backends():
        backend.add(instance)


def _remove_deleted(sender, instance, **kwargs):
    for backend in _backends():
        backend.delete(instance)


def index_in_batches(models):
    """Index these models (each declaring `search_auto_update = False`) from here."""
    for model in models:
        if getattr(model, "search_auto_update", True):
            raise ValueError(f"{model.__name__} must set search_auto_update = False")
        post_save.connect(_index_saved, sender=model, dispatch_uid=f"xf_index_{model.__name__}")
        post_delete.connect(
            _remove_deleted, sender=model, dispatch_uid=f"xf_unindex_{model.__name__}"
        )


def index_new(instances) -> None:
    """Add pages made in bulk (no save signal) to every backend: one call per model."""
    by_model = defaultdict(list)
    for instance in instances:
        by_model[type(instance)].append(instance)
    for model, items in by_model.items():
        for backend in _backends():
            backend.add_bulk(model, items)
