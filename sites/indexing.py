"""Batching search-index updates while a whole site is being built.

Wagtail indexes each page on save, a dozen queries a page. Provisioning a site saves
a home page and its columns in one go; inside `batched_search_indexing()` those
saves are collected and indexed in one bulk call per model at the end. The flag is
per thread, so saves elsewhere are indexed as usual meanwhile.
"""

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler

_state = threading.local()


def _post_save(instance, **kwargs):
    pending = getattr(_state, "pending", None)
    if pending is None or kwargs.get("raw", False):
        post_save_signal_handler(instance, **kwargs)
    else:
        pending.append(instance)


def route_page_indexing_through_batches(models):
    """Replace modelsearch's save handler for these models by the batching one."""
    for model in models:
        if post_save.disconnect(post_save_signal_handler, sender=model):
            post_save.connect(_post_save, sender=model)


@contextmanager
def batched_search_indexing():
    _state.pending = []
    try:
        yield
        by_model = defaultdict(list)
        for instance in _state.pending:
            by_model[type(instance)].append(instance)
    finally:
        del _state.pending
    for model, instances in by_model.items():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, instances)
