"""Which node a host name is: read from the cache, so that pages the page cache holds
are still served while PostgreSQL restarts.

Entries are dropped when a domain, its node or its tenant changes (network.signals);
the timeout bounds anything no signal announces. A cache that cannot be reached is
skipped: the database answers as before.
"""

import logging

from django.core.cache import caches

from .models import Domain

logger = logging.getLogger(__name__)
HOST_SECONDS = 3600


def _cache():
    # the network-wide cache, keyed without the schema: a domain changed while the
    # connection is in a tenant schema must drop the same key routing reads
    return caches["pages"]


def _key(hostname: str) -> str:
    return f"xfhost:{hostname}"


def domain_for_host(hostname: str) -> Domain | None:
    """The Domain row (its tenant and node loaded) answering at this host name."""
    try:
        cached = _cache().get(_key(hostname))
    except Exception:  # the cache is down: ask the database
        logger.warning("host cache unreachable", exc_info=True)
        cached = None
    if cached is not None:
        return cached or None  # False: known to be no node's
    domain = Domain.objects.select_related("tenant", "node__tenant").filter(domain=hostname).first()
    try:
        _cache().set(_key(hostname), domain or False, HOST_SECONDS)
    except Exception:
        logger.warning("host cache unreachable", exc_info=True)
    return domain


def forget_hosts(hostnames) -> None:
    try:
        _cache().delete_many([_key(hostname) for hostname in hostnames])
    except Exception:
        logger.warning("host cache unreachable", exc_info=True)
