"""Which node a host name is, and which Wagtail Site: read from the cache, so that
pages the page cache holds are still served while PostgreSQL restarts, and asked once
per request (the routing middleware hands the Site to Wagtail).

Entries are dropped when a domain, its node or its tenant changes (network.signals);
the timeout bounds anything no signal announces. A cache that cannot be reached is
skipped: the database answers as before.
"""

import logging
from dataclasses import dataclass

from django.core.cache import caches
from django_tenants.utils import schema_context
from wagtail.models import Site

from .models import Domain

logger = logging.getLogger(__name__)
HOST_SECONDS = 3600


def _cache():
    # the network-wide cache, keyed without the schema: a domain changed while the
    # connection is in a tenant schema must drop the same key routing reads
    return caches["pages"]


def _key(hostname: str) -> str:
    return f"xfhost:{hostname}"


@dataclass(frozen=True)
class Route:
    """What answers at a host name: the Domain row (its tenant and node loaded) and the
    node's Wagtail Site, from the schema the node's pages live in."""

    domain: Domain
    site: Site | None


def route_for_host(hostname: str) -> Route | None:
    try:
        cached = _cache().get(_key(hostname))
    except Exception:  # the cache is down: ask the database
        logger.warning("host cache unreachable", exc_info=True)
        cached = None
    if cached is not None:
        return cached or None  # False: known to be no node's
    route = _read_route(hostname)
    try:
        _cache().set(_key(hostname), route or False, HOST_SECONDS)
    except Exception:
        logger.warning("host cache unreachable", exc_info=True)
    return route


def _read_route(hostname: str) -> Route | None:
    domain = Domain.objects.select_related("tenant", "node__tenant").filter(domain=hostname).first()
    if domain is None:
        return None
    site = None
    if domain.node is not None and domain.node.site_id:
        with schema_context(domain.tenant.schema_name):
            site = Site.objects.filter(pk=domain.node.site_id).first()
    return Route(domain=domain, site=site)


def forget_hosts(hostnames) -> None:
    try:
        _cache().delete_many([_key(hostname) for hostname in hostnames])
    except Exception:
        logger.warning("host cache unreachable", exc_info=True)
