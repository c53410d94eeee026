"""Which cached pages are still good: generation tokens, one per scope of the tree.

A cached page's key includes the tokens of every scope that can change it: the whole
network, its own site, and the subtree of each of its ancestors (what they push down).
Forgetting a scope replaces its token, so every page keyed under the old one is never
read again (and expires). Nothing lists or deletes keys, so forgetting 19,000 sites'
pages costs one cache write.

The whole-page cache (pagecache) keys pages by all of them; page fragments (themes'
`{% fragment %}`) by the narrowest set that can change them, so a push from above
leaves a site's navigation and column lists cached (`site_scope_keys`).
"""

import uuid

from django.core.cache import caches
from django.db import transaction

NETWORK = "xfgen:net"


def page_cache():
    return caches["pages"]


def site_key(node) -> str:
    return f"xfgen:site:{node.pk}"


def subtree_key(path: str) -> str:
    return f"xfgen:tree:{path}"


def scope_keys(node) -> list[str]:
    return [NETWORK, site_key(node), *(subtree_key(p) for p in [*node.ancestor_paths(), node.path])]


def _fresh() -> str:
    return uuid.uuid4().hex[:12]


def site_scope_keys(node) -> list[str]:
    """What the site's own content depends on: its publishes and settings, and what
    changes everywhere at once (a revoked story, network blocks, mourning)."""
    return [NETWORK, site_key(node)]


def tokens_for(node, keys: list[str] | None = None) -> list[str]:
    """The current token of every scope a page of this node depends on (or of the
    scopes `keys` names), in one round trip."""
    keys = scope_keys(node) if keys is None else keys
    cache = page_cache()
    found = cache.get_many(keys)
    missing = {key: _fresh() for key in keys if key not in found}
    if missing:
        # A token evicted from the cache must not come back as an old value: start a
        # new one, so pages cached under a lost token are never served.
        for key, token in missing.items():
            cache.add(key, token, timeout=None)
        found.update(cache.get_many(list(missing)))
    return [found.get(key, "") for key in keys]


def request_tokens(request, keys_for=scope_keys) -> list[str]:
    """`tokens_for` the request's node, read once per request and scope: the page
    cache's key and every fragment of the page share one round trip."""
    known = request.__dict__.setdefault("_xf_tokens", {})
    if keys_for not in known:
        known[keys_for] = tokens_for(request.node, keys_for(request.node))
    return known[keys_for]


def now_and_on_commit(action) -> None:
    """Run a cache change now, and again once the database change is committed: a
    reader between the two could otherwise cache old data before the new is visible."""
    action()
    transaction.on_commit(action)


def _forget(key: str) -> None:
    now_and_on_commit(lambda: page_cache().set(key, _fresh(), timeout=None))


def forget_site(node) -> None:
    """Every cached page of one site (a publish, a settings change, a hidden story)."""
    _forget(site_key(node))


def forget_subtree(node) -> None:
    """Every cached page of the node's descendants (what it pushes down reaches them)."""
    _forget(subtree_key(node.path))


def forget_network() -> None:
    """Every cached page everywhere (mourning mode, network-wide blocks, a revoked story)."""
    _forget(NETWORK)
